package org.xueliang.tracker.agent.transport;

/** A request to the backend failed; {@link #kind()} says what the agent should do about it. */
public class TransportException extends Exception {

    public enum Kind {
        /** Connection failed, timed out, or the backend answered 5xx/408/429: retry with backoff. */
        RETRYABLE,
        /** 401/403: the token is wrong or revoked. Keep spooling, retry slowly, tell the operator. */
        UNAUTHORIZED,
        /** Any other 4xx: the request itself is refused. For a batch: keep it, alert, never delete silently. */
        REJECTED
    }

    private final Kind kind;
    private final int status;

    public TransportException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public TransportException(Kind kind, int status, String message) {
        this(kind, status, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }
}
