package org.xueliang.tracker.vqd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.assessment.CountingIndicator;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * 图像完好率 for the monthly assessment: per camera, checks without a fault ÷ checks in the period; each fault of a
 * faulty check is a finding {@code VQD_<CLASS>} at the check's time with its score (at most
 * {@link Finding#MAX_PER_CAMERA} per camera, oldest first). No checks: not measured.
 */
@Component
class VqdIndicator extends CountingIndicator {

    static final String FINDING_PREFIX = "VQD_";

    private final VqdStore store;

    VqdIndicator(VqdStore store) {
        super(Indicator.IMAGE_INTACTNESS);
        this.store = store;
    }

    @Override
    protected Map<Long, Count> counts(List<Camera> cameras, Instant from, Instant to) {
        Map<Long, VqdStore.Count> counts = store.counts(cameras.stream().map(Camera::id).toList(), from, to);
        Map<Long, List<VqdCheck>> faulty = store.faulty(counts.keySet(), from, to).stream()
                .collect(Collectors.groupingBy(VqdCheck::deviceId));
        Map<Long, Count> out = new HashMap<>();
        counts.forEach((id, n) -> out.put(id, new Count(n.clean(), n.checks(), findings(faulty.getOrDefault(id, List.of())))));
        return out;
    }

    @Override
    protected boolean anySynthetic(List<Long> deviceIds, Instant from, Instant to) {
        return store.anySynthetic(deviceIds, from, to);
    }

    static List<Finding> findings(List<VqdCheck> faulty) {
        List<Finding> out = new ArrayList<>();
        for (VqdCheck check : faulty) {
            for (VqdClass c : check.faults()) {
                if (out.size() == Finding.MAX_PER_CAMERA) {
                    return out;
                }
                Double score = check.scores().get(c);
                out.add(new Finding(FINDING_PREFIX + c.name(), check.at(), null,
                        score == null ? null : String.format(Locale.ROOT, "%.2f", score)));
            }
        }
        return out;
    }
}
