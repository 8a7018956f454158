package org.xueliang.tracker.ledger;

import java.time.LocalDate;

/**
 * A device's project, category or service dates changed (an edit, an import row, a lifecycle step
 * or a deletion). Published synchronously inside the ledger's transaction, so that listeners which
 * keep figures derived from these facts (the monitoring module's category rollups) change them in
 * the same transaction or not at all.
 *
 * @param after null when the device was deleted
 */
public record DeviceFactsChanged(long deviceId, Facts before, Facts after) {

    /** What availability figures group and clip a device by. */
    public record Facts(Long projectId, String categoryCode, LocalDate inServiceOn, LocalDate retiredOn) {

        static Facts of(Device d) {
            return new Facts(d.getProjectId(), d.getCategoryCode(), d.getInServiceOn(), d.getRetiredOn());
        }

        /** Whether the device counts on {@code day}: in service from inServiceOn (inclusive) until retiredOn (exclusive). */
        public boolean inService(LocalDate day) {
            return projectId != null && inServiceOn != null && !inServiceOn.isAfter(day)
                    && (retiredOn == null || retiredOn.isAfter(day));
        }
    }
}
