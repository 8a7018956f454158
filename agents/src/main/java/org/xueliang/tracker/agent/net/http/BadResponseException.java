package org.xueliang.tracker.agent.net.http;

import java.io.IOException;

/**
 * The peer answered, but not with HTTP we can read: a malformed head, a body larger than the caller's cap, a
 * chunk that does not parse. Distinct from connection failures, so that callers can tell "answered badly" from
 * "did not answer".
 */
public final class BadResponseException extends IOException {

    public BadResponseException(String message) {
        super(message);
    }
}
