package org.xueliang.tracker.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * A device's lifecycle: PLANNED → DELIVERED → INSTALLED → ACCEPTED → IN_SERVICE, then
 * IN_SERVICE ↔ FAULTY, and any state but RETIRED → RETIRED (a device can be written off before it
 * was ever installed). {@link #rank()} orders the build-out steps so "installed or later" is one
 * comparison.
 */
public enum Lifecycle {
    PLANNED(0), DELIVERED(1), INSTALLED(2), ACCEPTED(3), IN_SERVICE(4), FAULTY(4), RETIRED(5);

    private final int rank;

    Lifecycle(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** True when a device in this state has reached {@code step} of the build-out (FAULTY counts as in service). */
    public boolean hasReached(Lifecycle step) {
        return this != RETIRED && rank >= step.rank;
    }

    public Set<Lifecycle> legalNext() {
        return switch (this) {
            case PLANNED -> EnumSet.of(DELIVERED, RETIRED);
            case DELIVERED -> EnumSet.of(INSTALLED, RETIRED);
            case INSTALLED -> EnumSet.of(ACCEPTED, RETIRED);
            case ACCEPTED -> EnumSet.of(IN_SERVICE, RETIRED);
            case IN_SERVICE -> EnumSet.of(FAULTY, RETIRED);
            case FAULTY -> EnumSet.of(IN_SERVICE, RETIRED);
            case RETIRED -> EnumSet.noneOf(Lifecycle.class);
        };
    }

    public boolean canMoveTo(Lifecycle to) {
        return legalNext().contains(to);
    }
}
