package org.xueliang.tracker.agent.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.xueliang.tracker.agent.onvif.RecordingSearch;
import org.xueliang.tracker.agent.onvif.XmlNode;
import org.xueliang.tracker.agent.sim.CameraFaults.Fault;
import org.xueliang.tracker.agent.sim.SimCamera.Answer;

/**
 * A simulated camera's recordings (ONVIF Profile G search service): continuous from {@link CameraFaults#retention()}
 * ago until now, one recording per stretch between gaps when {@link Fault#RECORDING_GAPS} is set (gaps of
 * {@link CameraFaults#recordingGapLength()} at every multiple of {@link CameraFaults#recordingGapEvery()} since the
 * epoch). GetRecordingSummary, FindRecordings, GetRecordingSearchResults (paged by MaxResults) and EndSearch.
 */
final class SimRecordings {

    static final String NS = " xmlns:tse=\"" + RecordingSearch.SEARCH_NS + "\"";
    private static final int MAX_SEARCHES = 1000;

    private record Cursor(List<Instant[]> segments, int next) {
    }

    private final Map<String, Cursor> searches = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    /** The recorded stretches [from, to) as the camera holds them at {@code deviceNow}. */
    static List<Instant[]> segments(CameraFaults faults, Instant deviceNow) {
        Instant earliest = deviceNow.minus(faults.retention());
        List<Instant[]> out = new ArrayList<>();
        if (!faults.has(Fault.RECORDING_GAPS)) {
            out.add(new Instant[] {earliest, deviceNow});
            return out;
        }
        long every = faults.recordingGapEvery().toMillis();
        long length = faults.recordingGapLength().toMillis();
        long k = Math.floorDiv(earliest.toEpochMilli(), every);
        Instant from = earliest;
        while (from.isBefore(deviceNow)) {
            Instant gapStart = Instant.ofEpochMilli(k * every);
            Instant gapEnd = gapStart.plusMillis(length);
            Instant to = gapStart.isAfter(deviceNow) ? deviceNow : gapStart;
            if (from.isBefore(to)) {
                out.add(new Instant[] {from, to});
            }
            if (gapEnd.isAfter(from)) {
                from = gapEnd;
            }
            k++;
        }
        return out;
    }

    /** The answer to a search-service operation, or null when {@code name} is not one. */
    Answer answer(String name, XmlNode op, CameraFaults faults, Instant deviceNow) {
        boolean search = switch (name) {
            case "GetRecordingSummary", "FindRecordings", "GetRecordingSearchResults", "EndSearch" -> true;
            default -> false;
        };
        if (!search) {
            return null;
        }
        if (faults.has(Fault.NO_RECORDING_SEARCH)) {
            return Answers.actionNotSupported(name);
        }
        return switch (name) {
            case "GetRecordingSummary" -> Answers.soap("<tse:GetRecordingSummaryResponse" + NS + "><tse:Summary>"
                    + "<tt:DataFrom>" + deviceNow.minus(faults.retention()) + "</tt:DataFrom><tt:DataUntil>" + deviceNow
                    + "</tt:DataUntil><tt:NumberRecordings>" + segments(faults, deviceNow).size()
                    + "</tt:NumberRecordings></tse:Summary></tse:GetRecordingSummaryResponse>");
            case "FindRecordings" -> {
                if (searches.size() >= MAX_SEARCHES) {
                    searches.clear();
                }
                String token = "search-" + tokens.incrementAndGet();
                searches.put(token, new Cursor(segments(faults, deviceNow), 0));
                yield Answers.soap("<tse:FindRecordingsResponse" + NS + "><tse:SearchToken>" + token
                        + "</tse:SearchToken></tse:FindRecordingsResponse>");
            }
            case "GetRecordingSearchResults" -> results(op);
            default -> {
                searches.remove(op.findText("SearchToken").orElse(""));
                yield Answers.soap("<tse:EndSearchResponse" + NS + "><tse:Endpoint>" + deviceNow
                        + "</tse:Endpoint></tse:EndSearchResponse>");
            }
        };
    }

    private Answer results(XmlNode op) {
        String token = op.findText("SearchToken").orElse("");
        Cursor cursor = searches.get(token);
        if (cursor == null) {
            return Answers.badRequest("unknown search token " + token);
        }
        int max = 100;
        try {
            max = Math.max(1, Math.min(1000, Integer.parseInt(op.findText("MaxResults").orElse("100"))));
        } catch (NumberFormatException e) {
            // the default
        }
        int end = Math.min(cursor.segments().size(), cursor.next() + max);
        StringBuilder xml = new StringBuilder("<tse:GetRecordingSearchResultsResponse" + NS + "><tse:ResultList><tt:SearchState>")
                .append(end == cursor.segments().size() ? "Completed" : "Searching").append("</tt:SearchState>");
        for (int i = cursor.next(); i < end; i++) {
            Instant[] s = cursor.segments().get(i);
            xml.append("<tt:RecordingInformation><tt:RecordingToken>rec-").append(s[0].getEpochSecond())
                    .append("</tt:RecordingToken><tt:Source><tt:SourceId>video_source_1</tt:SourceId></tt:Source>")
                    .append("<tt:EarliestRecording>").append(s[0]).append("</tt:EarliestRecording><tt:LatestRecording>")
                    .append(s[1]).append("</tt:LatestRecording><tt:Content>mainStream</tt:Content>")
                    .append("<tt:Track><tt:TrackToken>VIDEO001</tt:TrackToken><tt:TrackType>Video</tt:TrackType>")
                    .append("<tt:DataFrom>").append(s[0]).append("</tt:DataFrom><tt:DataTo>").append(s[1])
                    .append("</tt:DataTo></tt:Track><tt:RecordingStatus>Stopped</tt:RecordingStatus></tt:RecordingInformation>");
        }
        xml.append("</tse:ResultList></tse:GetRecordingSearchResultsResponse>");
        if (end == cursor.segments().size()) {
            searches.remove(token);
        } else {
            searches.put(token, new Cursor(cursor.segments(), end));
        }
        return Answers.soap(xml.toString());
    }
}
