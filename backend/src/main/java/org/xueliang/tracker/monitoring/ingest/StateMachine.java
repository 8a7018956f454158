package org.xueliang.tracker.monitoring.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.monitoring.DeviceState;

/**
 * The device state rules of SPEC §5, as a pure function (no clock, no database):
 * <ul>
 *   <li>an UP or DEGRADED result sets that state at once and ends any failure run;</li>
 *   <li>a failed result counts; the {@code failuresForDown}-th consecutive one makes the device
 *       DOWN, with the outage starting at the first failure of the run; before that the device
 *       keeps its state (one lost packet is not an outage);</li>
 *   <li>no result for {@value #SILENT_INTERVALS} intervals makes the device UNKNOWN from the
 *       moment its next result was due (last result + one interval): not measured is not down;</li>
 *   <li>results older than the newest applied one are ignored for state (they are still stored raw);</li>
 *   <li>a decisive DOWN ({@link Observation#decisive()}, GB/T 28181's keepalive timeout or unregistration) makes the
 *       device DOWN at once from its own time, without the failure run, and also when it is dated before the newest
 *       result: it is dated at the first missed keepalive, and another source may have reported since.</li>
 * </ul>
 */
public final class StateMachine {

    public static final int DEFAULT_FAILURES_FOR_DOWN = 3;
    public static final int SILENT_INTERVALS = 3;

    private final int failuresForDown;

    public StateMachine(int failuresForDown) {
        if (failuresForDown < 1) {
            throw new IllegalArgumentException("failuresForDown must be at least 1");
        }
        this.failuresForDown = failuresForDown;
    }

    public record Step(TrackedState next, Optional<StateChange> change) {
    }

    public Step onResult(TrackedState current, Observation result) {
        if (result.decisive() && result.status() == Status.DOWN) {
            return onDecisiveDown(current, result);
        }
        if (current.lastResultAt() != null && !result.at().isAfter(current.lastResultAt())) {
            return new Step(current, Optional.empty());
        }
        if (result.status() == Status.DOWN) {
            return onFailure(current, result);
        }
        DeviceState to = result.status() == Status.UP ? DeviceState.UP : DeviceState.DEGRADED;
        Reason reason = to == DeviceState.UP ? null : result.reason();
        if (current.state() == to) {
            return new Step(new TrackedState(to, current.since(), reason, 0, null, result.at()), Optional.empty());
        }
        // A result replayed late (an agent's spool after a crash) may be older than the silence that made the device
        // UNKNOWN, which starts one interval after the last result the backend had: the new state then starts where
        // the current one did, never before it, or the two state intervals would overlap (found by the fault test).
        Instant since = result.at().isBefore(current.since()) ? current.since() : result.at();
        return new Step(new TrackedState(to, since, reason, 0, null, result.at()),
                Optional.of(new StateChange(current.state(), to, since, reason)));
    }

    private Step onFailure(TrackedState current, Observation result) {
        int failures = current.consecutiveFailures() + 1;
        Instant runStart = current.firstFailureAt() == null ? result.at() : current.firstFailureAt();
        if (current.state() == DeviceState.DOWN) {
            return new Step(new TrackedState(DeviceState.DOWN, current.since(), result.reason(), failures, runStart,
                    result.at()), Optional.empty());
        }
        if (failures < failuresForDown) {
            return new Step(new TrackedState(current.state(), current.since(), current.reason(), failures, runStart,
                    result.at()), Optional.empty());
        }
        // The outage began with the first failure of the run, but never before the current state began
        // (a device UNKNOWN since 10:05 whose run began at 10:00 is down from 10:05 in the record).
        Instant downSince = runStart.isBefore(current.since()) ? current.since() : runStart;
        return new Step(new TrackedState(DeviceState.DOWN, downSince, result.reason(), failures, runStart, result.at()),
                Optional.of(new StateChange(current.state(), DeviceState.DOWN, downSince, result.reason())));
    }

    private static Step onDecisiveDown(TrackedState current, Observation result) {
        Instant newest = current.lastResultAt() == null || result.at().isAfter(current.lastResultAt())
                ? result.at() : current.lastResultAt();
        if (current.state() == DeviceState.DOWN) {
            return new Step(new TrackedState(DeviceState.DOWN, current.since(), result.reason(),
                    current.consecutiveFailures() + 1, current.firstFailureAt(), newest), Optional.empty());
        }
        // Never before the current state began: an outage cannot reach back over a state already on record.
        Instant downSince = result.at().isBefore(current.since()) ? current.since() : result.at();
        return new Step(new TrackedState(DeviceState.DOWN, downSince, result.reason(), 1, downSince, newest),
                Optional.of(new StateChange(current.state(), DeviceState.DOWN, downSince, result.reason())));
    }

    /**
     * Called by the silence sweeper at {@code now}: a device whose last result is older than
     * {@value #SILENT_INTERVALS} probe intervals becomes UNKNOWN from last result + one interval.
     */
    public Step onSilence(TrackedState current, Instant now, Duration interval) {
        if (current.state() == DeviceState.UNKNOWN || current.lastResultAt() == null) {
            return new Step(current, Optional.empty());
        }
        if (now.isBefore(current.lastResultAt().plus(interval.multipliedBy(SILENT_INTERVALS)))) {
            return new Step(current, Optional.empty());
        }
        Instant unknownSince = current.lastResultAt().plus(interval);
        if (unknownSince.isBefore(current.since())) {
            unknownSince = current.since();
        }
        return new Step(new TrackedState(DeviceState.UNKNOWN, unknownSince, null, 0, null, current.lastResultAt()),
                Optional.of(new StateChange(current.state(), DeviceState.UNKNOWN, unknownSince, null)));
    }
}
