package org.xueliang.tracker.vqd;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.onvif.ScheduledVqd;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.monitoring.ProbeFactsReported;

/**
 * Keeps each picture-quality check the agents reported (facts {@code vqd.checkedAt}, {@code vqd.<CLASS>},
 * {@code vqd.faults}) as a {@code vqd_check} row, inside the ingest transaction; a check already stored (same camera
 * and time, e.g. a batch sent again) is not stored twice.
 */
@Component
class VqdCheckRecorder {

    private final VqdStore store;

    VqdCheckRecorder(VqdStore store) {
        this.store = store;
    }

    @EventListener
    void on(ProbeFactsReported event) {
        List<VqdCheck> checks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ProbeFactsReported.Reported r : event.results()) {
            check(r).filter(c -> seen.add(c.deviceId() + "@" + c.at()))
                    .filter(c -> !store.exists(c.deviceId(), c.at())).ifPresent(checks::add);
        }
        if (!checks.isEmpty()) {
            store.insert(checks);
        }
    }

    /** The check a result carries, if any: it needs a readable {@code vqd.checkedAt}. */
    static Optional<VqdCheck> check(ProbeFactsReported.Reported r) {
        Map<String, String> f = r.facts();
        String at = f.get(ScheduledVqd.CHECKED_AT);
        if (at == null) {
            return Optional.empty();
        }
        Instant checkedAt;
        try {
            checkedAt = Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Map<VqdClass, Double> scores = new EnumMap<>(VqdClass.class);
        for (VqdClass c : VqdClass.values()) {
            String s = f.get(ScheduledVqd.SCORE_PREFIX + c.name());
            if (s != null) {
                VqdCheck.score(s).ifPresent(v -> scores.put(c, v));
            }
        }
        return Optional.of(new VqdCheck(r.deviceId(), checkedAt, VqdCheck.classes(f.get(ScheduledVqd.FAULTS)), scores, false));
    }
}
