package org.xueliang.tracker.gb28181;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * RecordInfo answers, possibly over several MESSAGEs (SumNum): matched to the channel's pending query by DeviceID (the
 * channel) and SN. The first part replaces the window's stored intervals; each part adds its own. Intervals are cut
 * to the queried window; an answer nobody asked for (or after a timeout) is not stored. The part that completes the
 * answer publishes {@link GbRecordsAnswered}. An answer to a retention probe ({@link GbRetentionProbes}) instead gives
 * the oldest recording in its window and, complete, {@link GbRetentionAnswered}.
 */
@Component
class RecordInfoHandler implements ManscdpHandler {

    private static final Logger log = LoggerFactory.getLogger(RecordInfoHandler.class);

    private final GbRecords records;
    private final GbRetentionProbes probes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RecordInfoHandler(GbRecords records, GbRetentionProbes probes, Clock clock, ApplicationEventPublisher events) {
        this.records = records;
        this.probes = probes;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Set<String> cmdTypes() {
        return Set.of("RecordInfo");
    }

    @Override
    @Transactional
    public void handle(String deviceCode, ManscdpMessage message, Instant receivedAt) {
        if (message.root() != ManscdpMessage.Root.Response || message.deviceId() == null) {
            return;
        }
        Optional<GbRecords.Pending> pending = records.lockPending(message.deviceId(), message.sn());
        if (pending.isEmpty() && probed(message, receivedAt)) {
            return;
        }
        if (pending.isEmpty()) {
            log.debug("RecordInfo from {} for {} (SN {}) answers no pending query: not stored", deviceCode,
                    message.deviceId(), message.sn());
            return;
        }
        GbRecords.Pending query = pending.get();
        if (query.received() == 0) {
            records.clearWindow(query);
        }
        List<GbRecords.Interval> intervals = intervals(message.items(), query, clock.getZone());
        records.store(query, intervals);
        int sumNum = message.sumNum() == null ? message.items().size() : message.sumNum();
        if (records.received(query, message.items().size(), sumNum, intervals.size()) == GbRecords.Outcome.OK) {
            events.publishEvent(new GbRecordsAnswered(query.channelCode(), query.windowStart(), query.windowEnd(), receivedAt));
        }
    }

    /**
     * A part of a retention probe's answer: only the oldest recording it lists inside the window counts (the intervals
     * are not stored: the daily query measures 录像完整率). Answers whether the message was one.
     */
    private boolean probed(ManscdpMessage message, Instant receivedAt) {
        Optional<GbRetentionProbes.Probe> probe = probes.lockPending(message.deviceId(), message.sn());
        if (probe.isEmpty()) {
            return false;
        }
        GbRetentionProbes.Probe p = probe.get();
        GbRecords.Pending window = new GbRecords.Pending(p.channelCode(), p.windowStart(), p.windowEnd(), receivedAt, 0);
        Instant earliest = intervals(message.items(), window, clock.getZone()).stream().map(GbRecords.Interval::start)
                .min(Instant::compareTo).orElse(null);
        int sumNum = message.sumNum() == null ? message.items().size() : message.sumNum();
        if (probes.received(p, message.items().size(), sumNum, earliest) == GbRecords.Outcome.OK) {
            events.publishEvent(new GbRetentionAnswered(p.channelCode(), p.windowStart(), p.windowEnd(),
                    GbRetentionProbes.older(p.earliest(), earliest), receivedAt));
        }
        return true;
    }

    static List<GbRecords.Interval> intervals(List<Map<String, String>> items, GbRecords.Pending query, ZoneId zone) {
        List<GbRecords.Interval> out = new ArrayList<>();
        for (Map<String, String> item : items) {
            Optional<Instant> start = GbLocalTime.parse(item.get("StartTime"), zone);
            Optional<Instant> end = GbLocalTime.parse(item.get("EndTime"), zone);
            if (start.isEmpty() || end.isEmpty()) {
                continue;
            }
            Instant from = max(start.get(), query.windowStart());
            Instant to = min(end.get(), query.windowEnd());
            if (from.isBefore(to)) {
                out.add(new GbRecords.Interval(from, to, item.get("Type")));
            }
        }
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
