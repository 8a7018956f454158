package org.xueliang.tracker.workorder;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The work orders' settings (docs/CONFIGURATION.md, docs/WORKORDERS.md). {@code xl.workorders.grace} left empty means
 * 10 minutes, or 1 minute in demo mode ({@code xl.demo}), so that a scripted demo fault becomes an order within a
 * minute; a value set explicitly wins in both modes.
 */
@Component
public class WorkOrderSettings {

    static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
    static final Duration DEMO_GRACE = Duration.ofMinutes(1);

    private final Duration grace;
    private final int clusterSize;
    private final Duration clusterWindow;
    private final int largeClusterPoints;
    private final Duration respond;
    private final Duration repair;
    private final Duration clusterRepair;
    private final Duration escalateAfter;

    WorkOrderSettings(@Value("${xl.workorders.grace:}") String grace, @Value("${xl.demo:false}") boolean demo,
                      @Value("${xl.workorders.cluster-size:3}") int clusterSize,
                      @Value("${xl.workorders.cluster-window:PT5M}") Duration clusterWindow,
                      @Value("${xl.workorders.large-cluster-points:8}") int largeClusterPoints,
                      @Value("${xl.workorders.respond:PT2H}") Duration respond,
                      @Value("${xl.workorders.repair:PT24H}") Duration repair,
                      @Value("${xl.workorders.cluster-repair:PT48H}") Duration clusterRepair,
                      @Value("${xl.workorders.escalate-after:PT1H}") Duration escalateAfter) {
        this.grace = grace == null || grace.isBlank() ? (demo ? DEMO_GRACE : DEFAULT_GRACE) : parse(grace);
        if (clusterSize < 2) {
            throw new IllegalStateException("xl.workorders.cluster-size must be 2 or more, not " + clusterSize);
        }
        this.clusterSize = clusterSize;
        this.clusterWindow = clusterWindow;
        this.largeClusterPoints = largeClusterPoints;
        this.respond = respond;
        this.repair = repair;
        this.clusterRepair = clusterRepair;
        this.escalateAfter = escalateAfter;
    }

    /** Spring's duration words ("10m", "90s") as well as ISO-8601 ("PT10M"). */
    private static Duration parse(String value) {
        try {
            return org.springframework.boot.convert.DurationStyle.detectAndParse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("xl.workorders.grace (XL_WORKORDERS_GRACE) must be a duration such as 10m, not '"
                    + value + "'");
        }
    }

    /** How long a device is DOWN or DEGRADED before an order opens (unless its category's SLA rule says otherwise). */
    public Duration grace() {
        return grace;
    }

    /** Failing devices of one site whose failures start within {@link #clusterWindow()} that make one cluster order. */
    public int clusterSize() {
        return clusterSize;
    }

    public Duration clusterWindow() {
        return clusterWindow;
    }

    /** From this many devices on one order, the repair deadline is the cluster one (48 h by default). */
    public int largeClusterPoints() {
        return largeClusterPoints;
    }

    public Duration respond() {
        return respond;
    }

    public Duration repair() {
        return repair;
    }

    public Duration clusterRepair() {
        return clusterRepair;
    }

    /** How long after a missed deadline the escalation to the manager goes out. */
    public Duration escalateAfter() {
        return escalateAfter;
    }
}
