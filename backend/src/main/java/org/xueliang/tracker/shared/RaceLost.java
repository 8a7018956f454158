package org.xueliang.tracker.shared;

/**
 * A transaction inserted a row that another transaction inserted first: both had read that the row did not exist
 * before either committed (there was no row to lock yet). Running the transaction again reads the winner's row and
 * takes the path for an existing one, so {@link TransientFailure} counts this as a race to retry, not as bad input.
 * Thrown only where such a first insert is expected to race, e.g. a device's first observation reported by two
 * agents at once; a duplicate of a user's input stays a conflict.
 */
public class RaceLost extends RuntimeException {

    public RaceLost(String what, Throwable cause) {
        super(what, cause);
    }
}
