package org.xueliang.tracker.evaluation;

/**
 * The outcome of one check before sign-off (SPEC §6.4). An ERROR that fails blocks signing; a WARNING
 * that fails needs an acknowledgement with a reason at sign-off. {@code rowId} names the row a per-row
 * check is about. {@code explanation} says what was found, as a phrase rendered in the reader's
 * language ({@link CheckWords}); {@code message} is the English text of checks frozen in snapshots
 * signed before explanations were phrases (null since).
 */
public record Check(String code, Severity severity, boolean passed, String message, Long rowId, Phrase explanation) {

    public enum Severity { ERROR, WARNING }

    public Check(String code, Severity severity, boolean passed, Long rowId, Phrase explanation) {
        this(code, severity, passed, null, rowId, explanation);
    }

    public boolean blocks() {
        return !passed && severity == Severity.ERROR;
    }

    /** A failed warning: signing needs an acknowledgement of it. */
    public boolean needsAcknowledgement() {
        return !passed && severity == Severity.WARNING;
    }
}
