package org.xueliang.tracker.bench.ingest;

import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/**
 * What a device reports on its n-th probe. Most devices are always UP; one in {@code flappingEvery} flaps through a
 * fixed cycle of 12 probes — 4 UP, 4 DOWN (the third failure opens an outage), 2 DEGRADED, 2 UP (closes it) — started
 * at a different point per device, so outages open and close all the time rather than in waves.
 */
final class ResultMix {

    private static final int CYCLE = 12;

    private final int flappingEvery;

    ResultMix(int flappingEvery) {
        this.flappingEvery = flappingEvery;
    }

    boolean flaps(long deviceId) {
        return flappingEvery > 0 && deviceId % flappingEvery == 0;
    }

    Status status(long deviceId, long probe) {
        if (!flaps(deviceId)) {
            return Status.UP;
        }
        int step = (int) ((probe + deviceId / flappingEvery) % CYCLE);
        if (step < 4) {
            return Status.UP;
        }
        return step < 8 ? Status.DOWN : step < 10 ? Status.DEGRADED : Status.UP;
    }

    static Reason reasonOf(Status status) {
        return switch (status) {
            case UP -> Reason.OK;
            case DOWN -> Reason.TIMEOUT;
            case DEGRADED -> Reason.AUTH_FAILED;
        };
    }
}
