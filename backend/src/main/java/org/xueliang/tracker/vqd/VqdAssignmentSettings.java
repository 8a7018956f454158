package org.xueliang.tracker.vqd;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.onvif.ScheduledVqd;
import org.xueliang.tracker.monitoring.AssignmentSettings;

/**
 * What the scheduled picture check of a camera judges by, added to its agent's assignment (docs/AGENT-PROTOCOL.md):
 * {@code vqd.thresholds} = its category's thresholds that differ from the default, {@code vqd.reference} = its
 * approved reference picture (base64 JPEG). A change of either changes the assignment's ETag, so the agent takes it
 * on its next poll (30 s).
 */
@Component
class VqdAssignmentSettings implements AssignmentSettings {

    private final CategoryThresholds thresholds;
    private final VqdReferences references;

    VqdAssignmentSettings(CategoryThresholds thresholds, VqdReferences references) {
        this.thresholds = thresholds;
        this.references = references;
    }

    @Override
    public Map<Long, Map<String, String>> forDevices(Map<Long, String> categoryByDevice) {
        Map<String, String> specs = new HashMap<>();
        thresholds.stored().forEach((category, set) -> specs.put(category, set.spec()));
        Map<Long, Map<String, String>> out = new HashMap<>();
        categoryByDevice.forEach((id, category) -> {
            String spec = category == null ? null : specs.get(category);
            if (spec != null && !spec.isEmpty()) {
                out.computeIfAbsent(id, k -> new HashMap<>()).put(ScheduledVqd.THRESHOLDS, spec);
            }
        });
        references.base64Of(categoryByDevice.keySet())
                .forEach((id, picture) -> out.computeIfAbsent(id, k -> new HashMap<>()).put(ScheduledVqd.REFERENCE, picture));
        return out;
    }
}
