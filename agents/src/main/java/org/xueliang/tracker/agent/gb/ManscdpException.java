package org.xueliang.tracker.agent.gb;

/** A body that is not a MANSCDP document we accept: malformed, hostile (DTD, entities), too large, or unknown. */
public final class ManscdpException extends Exception {

    public ManscdpException(String message) {
        super(message);
    }

    public ManscdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
