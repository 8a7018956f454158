package org.xueliang.tracker.recording;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.RecordingFacts;
import org.xueliang.tracker.gb28181.GbRecordsAnswered;
import org.xueliang.tracker.gb28181.GbRetentionAnswered;
import org.xueliang.tracker.ledger.GbDirectory;
import org.xueliang.tracker.monitoring.ProbeFactsReported;
import org.xueliang.tracker.recording.RecordingStore.Source;
import org.xueliang.tracker.recording.Spans.Span;

/**
 * Keeps what recording searches reported, inside the transaction that accepted them: ONVIF probe facts
 * ({@link RecordingFacts}: intervals, searched window, retention) and GB/T 28181 RecordInfo answers (the window
 * answered; the intervals themselves stay in the gb28181 module's table) and GB/T 28181 retention probes.
 */
@Component
class RecordingListener {

    private final RecordingStore store;
    private final GbDirectory directory;
    private final Clock clock;

    RecordingListener(RecordingStore store, GbDirectory directory, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener
    void onFacts(ProbeFactsReported event) {
        for (ProbeFactsReported.Reported r : event.results()) {
            if (r.method() != Method.ONVIF) {
                continue;
            }
            Map<String, String> facts = r.facts();
            RecordingFacts.decode(facts).ifPresent(s -> store.searched(r.deviceId(), Source.ONVIF, s.windowStart(),
                    s.windowEnd(), s.intervals().stream().map(i -> new Span(i.from(), i.to())).toList(), r.probedAt()));
            Optional<java.time.Instant> earliest = RecordingFacts.instant(facts, RecordingFacts.EARLIEST);
            Optional<java.time.Instant> latest = RecordingFacts.instant(facts, RecordingFacts.LATEST);
            if (earliest.isPresent() || latest.isPresent()) {
                store.retention(r.deviceId(), Source.ONVIF, earliest.orElse(null), latest.orElse(null), r.probedAt());
            }
        }
    }

    /**
     * A retention probe's answer: a recording found in the day that ends 录像保存天数 ago is the oldest known (the
     * retention reaches at least that far); none found is kept as a report without an oldest recording, which the
     * check reads as short.
     */
    @EventListener
    void onGbRetention(GbRetentionAnswered event) {
        Long deviceId = directory.deviceIdsByCode(List.of(event.channelCode())).get(event.channelCode());
        if (deviceId != null) {
            Instant at = event.answeredAt() == null ? clock.instant() : event.answeredAt();
            store.retention(deviceId, Source.GB28181, event.earliest(), event.earliest() == null ? null : at, at);
        }
    }

    @EventListener
    void onGbAnswer(GbRecordsAnswered event) {
        Long deviceId = directory.deviceIdsByCode(List.of(event.channelCode())).get(event.channelCode());
        if (deviceId != null) {
            store.answered(deviceId, Source.GB28181, event.windowStart(), event.windowEnd(),
                    event.answeredAt() == null ? clock.instant() : event.answeredAt());
        }
    }
}
