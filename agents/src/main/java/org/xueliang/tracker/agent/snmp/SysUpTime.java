package org.xueliang.tracker.agent.snmp;

import java.time.Duration;
import java.time.Instant;

/**
 * Reboot detection from two sysUpTime readings: a pure function, no clock, no state, so the backend can
 * use it on stored readings too. sysUpTime counts hundredths of a second since the agent (re)started and
 * wraps at 2^32 (after ~497 days): a reading below the previous one is a reboot unless it is the wrap
 * the elapsed time predicts. A reading far below what the elapsed time predicts is also a reboot (the
 * device went down and came back between two polls, so uptime grew again but not enough).
 */
public final class SysUpTime {

    /** 2^32 hundredths of a second. */
    public static final long WRAP = 1L << 32;

    private SysUpTime() {
    }

    /** One reading: ticks (1/100 s) and when we took it (our clock). */
    public record Reading(long ticks, Instant at) {
    }

    /**
     * Whether the device restarted between {@code previous} and {@code current}. Tolerance for clock
     * rate differences and network delay: 5 s plus 10 % of the elapsed time.
     */
    public static boolean rebooted(Reading previous, Reading current) {
        if (previous == null || current == null) {
            return false; // a first observation has nothing to compare with
        }
        if (current.ticks() < previous.ticks()) {
            return dropped(previous, current);
        }
        long elapsedTicks = elapsedTicks(previous, current);
        return current.ticks() + tolerance(elapsedTicks) < previous.ticks() + elapsedTicks;
    }

    /**
     * Whether sysUpTime went below the previous reading other than by the 2^32 wrap the elapsed time predicts: the
     * backend's test on stored readings, which leaves out the "grew too little" case because a replayed spool can
     * bring readings long after they were taken. False for a first observation ({@code previous} null).
     */
    public static boolean dropped(Reading previous, Reading current) {
        if (previous == null || current == null || current.ticks() >= previous.ticks()) {
            return false;
        }
        long elapsedTicks = elapsedTicks(previous, current);
        long expected = previous.ticks() + elapsedTicks;
        boolean wrapped = expected >= WRAP && Math.abs(current.ticks() - (expected - WRAP)) <= tolerance(elapsedTicks);
        return !wrapped;
    }

    private static long elapsedTicks(Reading previous, Reading current) {
        return Math.max(0, Duration.between(previous.at(), current.at()).toMillis() / 10);
    }

    /** Clock rate differences and network delay: 5 s plus 10 % of the elapsed time. */
    private static long tolerance(long elapsedTicks) {
        return 500 + elapsedTicks / 10;
    }

    /** When the device last started, as our clock sees it. */
    public static Instant bootTime(Reading r) {
        return r.at().minusMillis(r.ticks() * 10);
    }
}
