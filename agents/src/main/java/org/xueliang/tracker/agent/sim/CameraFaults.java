package org.xueliang.tracker.agent.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The scripted faults of one simulated camera: a set of active faults plus their schedule
 * (flapping period, slow-answer delay, clock drift, end of a reboot). Thread-safe; tests and the
 * command line change it while the simulator serves.
 */
public final class CameraFaults {

    public enum Fault {
        /** The connection is dropped without an answer. */
        DOWN,
        /** Down during every other {@link #flapPeriod()}. */
        FLAPPING,
        /** Every credential is rejected (SOAP NotAuthorized, HTTP 401 for snapshots). */
        AUTH_FAILURE,
        /** Snapshots are all black. */
        BLACK_VIDEO,
        /** Snapshots are the same bytes every time. */
        FROZEN_VIDEO,
        /** Every answer waits {@link #slowDelay()} first. */
        SLOW,
        /** Snapshots are out of focus (VQD 模糊). */
        BLURRED_VIDEO,
        /** Snapshots lean to yellow (VQD 偏色). */
        COLOR_CAST_VIDEO,
        /** A dark cover hides a corner of the snapshots (VQD 遮挡). */
        OCCLUDED_VIDEO,
        /** Snapshots are under-exposed (VQD 过暗). */
        DARK_VIDEO
    }

    private final Set<Fault> active = EnumSet.noneOf(Fault.class);
    private Duration flapPeriod = Duration.ofSeconds(30);
    private Duration slowDelay = Duration.ofSeconds(5);
    private Duration clockDrift = Duration.ZERO;
    private Instant rebootUntil = Instant.MIN;

    public synchronized CameraFaults set(Fault f) {
        active.add(f);
        return this;
    }

    public synchronized CameraFaults clear(Fault f) {
        active.remove(f);
        return this;
    }

    public synchronized CameraFaults clearAll() {
        active.clear();
        clockDrift = Duration.ZERO;
        rebootUntil = Instant.MIN;
        return this;
    }

    public synchronized boolean has(Fault f) {
        return active.contains(f);
    }

    public synchronized CameraFaults flapPeriod(Duration d) {
        flapPeriod = d;
        return this;
    }

    public synchronized Duration flapPeriod() {
        return flapPeriod;
    }

    public synchronized CameraFaults slowDelay(Duration d) {
        slowDelay = d;
        return this;
    }

    public synchronized Duration slowDelay() {
        return slowDelay;
    }

    /** The camera clock runs this far ahead (negative: behind) of true time. */
    public synchronized CameraFaults clockDrift(Duration d) {
        clockDrift = d;
        return this;
    }

    public synchronized Duration clockDrift() {
        return clockDrift;
    }

    /** Reboots now: down until {@code now + duration}, then back as before. */
    public synchronized CameraFaults reboot(Instant now, Duration duration) {
        rebootUntil = now.plus(duration);
        return this;
    }

    /** Whether the camera gives no answer at this moment (down, rebooting, or in a flap's off half). */
    public synchronized boolean isDown(Instant now) {
        if (active.contains(Fault.DOWN) || now.isBefore(rebootUntil)) {
            return true;
        }
        if (active.contains(Fault.FLAPPING)) {
            long period = Math.max(1, flapPeriod.toMillis());
            return (now.toEpochMilli() / period) % 2 == 1;
        }
        return false;
    }

    /** Delay before answering, zero unless SLOW. */
    public synchronized Duration delay() {
        return active.contains(Fault.SLOW) ? slowDelay : Duration.ZERO;
    }
}
