package org.xueliang.tracker.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.DeviceRoster;
import org.xueliang.tracker.monitoring.SyntheticHistoryImport;

/**
 * Gives the demo its {@link SyntheticHistory} once: the ledger's in-service devices come from
 * {@link DeviceRoster}, and monitoring's {@link SyntheticHistoryImport} writes the past (state
 * intervals and daily rollups marked {@code synthetic}, maintenance windows with a reason that says
 * they are synthetic, reboots) only while the database has no history yet, so it never mixes with a
 * real installation's past. A device's synthetic past ends exactly where its measured one begins:
 * devices the embedded agent has already measured in the few seconds since start-up end it at their
 * first result; results applied afterwards but dated earlier cut it there when they arrive.
 */
@Component
@SyntheticPast
class HistoryBackfill {

    private static final Logger log = LoggerFactory.getLogger(HistoryBackfill.class);

    private final DeviceRoster roster;
    private final SyntheticHistoryImport history;
    private final Clock clock;
    private final AuditTrail audit;
    private final long seed;

    HistoryBackfill(DeviceRoster roster, SyntheticHistoryImport history, Clock clock, AuditTrail audit,
                    @Value("${xl.demo.history-seed:" + SyntheticHistory.DEFAULT_SEED + "}") long seed) {
        this.roster = roster;
        this.history = history;
        this.clock = clock;
        this.audit = audit;
        this.seed = seed;
    }

    /** Backfills when the database has no history yet; returns the number of rollup rows written. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int backfillIfNeeded() {
        List<SyntheticHistory.DeviceInfo> devices = roster.inService().stream().map(d -> new SyntheticHistory.DeviceInfo(d.id(),
                d.category(), d.tier().name(), d.method() == null ? null : d.method().name(), d.inServiceOn(), d.retiredOn())).toList();
        if (devices.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var imported = history.importIfEmpty(measuredFrom -> {
            Map<Long, Instant> endOf = new HashMap<>();
            devices.forEach(d -> endOf.put(d.id(), now));
            measuredFrom.forEach((id, first) -> endOf.computeIfPresent(id, (k, end) -> first.isBefore(end) ? first : end));
            return SyntheticHistory.generate(devices, endOf, clock.getZone(), seed);
        });
        if (imported.isEmpty()) {
            return 0;
        }
        SyntheticHistoryImport.Past h = imported.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String summary = "Demo mode: synthetic history backfilled up to " + now + " (seed " + seed + "): "
                + h.intervals().size() + " intervals, " + h.rollups().size() + " daily rollups, " + h.windows().size()
                + " maintenance windows, " + h.reboots().size() + " reboots, for " + devices.size() + " devices";
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, "DEMO_BACKFILL", "Demo", "history", summary, null, null);
        log.info("{} in {} ms", summary, ms);
        return h.rollups().size();
    }
}
