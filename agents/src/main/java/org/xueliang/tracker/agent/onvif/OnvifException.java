package org.xueliang.tracker.agent.onvif;

import org.xueliang.tracker.agent.probe.Reason;

/**
 * A failed ONVIF exchange, already classified: {@link #reason()} says what the probe reports
 * (AUTH_FAILED for a 401 page or a NotAuthorized fault, BAD_RESPONSE for malformed, oversized or
 * faulted answers, TIMEOUT/REFUSED/UNREACHABLE for the network).
 */
public class OnvifException extends Exception {

    private final Reason reason;

    public OnvifException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public OnvifException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
