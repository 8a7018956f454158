package org.xueliang.tracker.agent.sim;

import java.time.Instant;

/**
 * {@link Instant#parse} behind a one-entry cache, for WS-UsernameToken Created values: clients send them with
 * seconds precision, so the requests of a whole fleet within one second carry the same text, and parsing with the
 * ISO formatter was a large part of checking a token.
 */
final class CreatedInstants {

    private record Parsed(String text, Instant instant) {
    }

    private static volatile Parsed last = new Parsed("1970-01-01T00:00:00Z", Instant.EPOCH);

    private CreatedInstants() {
    }

    /** As {@link Instant#parse}, including its DateTimeParseException for text that is not an instant. */
    static Instant parse(String text) {
        Parsed p = last;
        if (p.text.equals(text)) {
            return p.instant;
        }
        Instant i = Instant.parse(text);
        last = new Parsed(text, i);
        return i;
    }
}
