package org.xueliang.tracker.workorder;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadlines an order gets from its SLA rule (or the defaults): respond (accept) within {@code respond}, repair
 * within {@code repair}, or {@code clusterRepair} when the order holds {@code largeClusterPoints} devices or more.
 * {@code rule} names where they came from, kept on the order.
 */
record Deadlines(Duration respond, Duration repair, Duration clusterRepair, int largeClusterPoints, String rule) {

    Instant respondBy(Instant openedAt) {
        return openedAt.plus(respond);
    }

    Instant repairBy(Instant openedAt, int devices) {
        return openedAt.plus(devices >= largeClusterPoints ? clusterRepair : repair);
    }

    /** The rule's name as the order keeps it, with the cluster rule noted when it applied. */
    String ruleFor(int devices) {
        return devices >= largeClusterPoints ? rule + " (≥" + largeClusterPoints + ")" : rule;
    }
}
