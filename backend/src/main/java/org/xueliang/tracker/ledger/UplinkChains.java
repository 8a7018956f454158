package org.xueliang.tracker.ledger;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The loop rule of uplinks, once for the API's check of one device ({@link DeviceUplinks}, ids in the ledger) and the
 * import's check of a whole file (tags as the file leaves the ledger): following the uplinks from a device must never
 * come back to it. A chain is followed at most {@link #MAX_DEPTH} steps (a real network is a few switches deep), and a
 * loop already there elsewhere ends the walk instead of spinning.
 */
public final class UplinkChains {

    /** Longest chain of uplinks followed when looking for a loop. */
    public static final int MAX_DEPTH = 64;

    private UplinkChains() {
    }

    /** Whether following {@code uplinkOf} from {@code start} reaches {@code target} (null: no uplink). */
    public static <T> boolean leadsBackTo(T start, T target, UnaryOperator<T> uplinkOf) {
        Set<T> seen = new HashSet<>();
        T at = start;
        for (int i = 0; at != null && i < MAX_DEPTH && seen.add(at); i++) {
            at = uplinkOf.apply(at);
            if (Objects.equals(at, target)) {
                return true;
            }
        }
        return false;
    }
}
