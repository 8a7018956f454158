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
        /** The recordings have a gap of {@link #recordingGapLength()} every {@link #recordingGapEvery()}. */
        RECORDING_GAPS,
        /** No Profile G: the recording search operations answer ActionNotSupported. */
        NO_RECORDING_SEARCH,
        /** Snapshots are out of focus (VQD 模糊). */
        BLURRED_VIDEO,
        /** Snapshots lean to yellow (VQD 偏色). */
        COLOR_CAST_VIDEO,
        /** A dark cover hides a corner of the snapshots (VQD 遮挡). */
        OCCLUDED_VIDEO,
        /** Snapshots are under-exposed (VQD 过暗). */
        DARK_VIDEO,
        /** Snapshots are one frame re-encoded: the bytes differ, the picture and its clock do not move (VQD 画面冻结). */
        STILL_VIDEO,
        /** The camera was turned: its view is shifted sideways from the clean scene (VQD 场景变更 against a reference). */
        TURNED_VIDEO
    }

    private final Set<Fault> active = EnumSet.noneOf(Fault.class);
    private Duration flapPeriod = Duration.ofSeconds(30);
    private Duration slowDelay = Duration.ofSeconds(5);
    private Duration clockDrift = Duration.ZERO;
    private Instant rebootUntil = Instant.MIN;
    private Duration retention = Duration.ofDays(31);
    private Duration recordingGapEvery = Duration.ofHours(6);
    private Duration recordingGapLength = Duration.ofMinutes(30);

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
        retention = Duration.ofDays(31);
        recordingGapEvery = Duration.ofHours(6);
        recordingGapLength = Duration.ofMinutes(30);
        return this;
    }

    /** How far back the camera's recordings reach (its oldest recording is this long ago); default 31 days. */
    public synchronized CameraFaults retention(Duration d) {
        retention = d;
        return this;
    }

    public synchronized Duration retention() {
        return retention;
    }

    /** With {@link Fault#RECORDING_GAPS}: a gap of {@code length} starting at every multiple of {@code every} (UTC epoch). */
    public synchronized CameraFaults recordingGaps(Duration every, Duration length) {
        if (every.compareTo(length) <= 0 || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("need 0 < gap length < gap period, got " + length + " every " + every);
        }
        recordingGapEvery = every;
        recordingGapLength = length;
        return this;
    }

    public synchronized Duration recordingGapEvery() {
        return recordingGapEvery;
    }

    public synchronized Duration recordingGapLength() {
        return recordingGapLength;
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
