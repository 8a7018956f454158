package org.xueliang.tracker.evaluation;

/**
 * The outcome of one check before sign-off (SPEC §6.4). An ERROR that fails blocks signing; a WARNING
 * is shown but does not. {@code rowId} names the row a per-row check is about.
 */
public record Check(String code, Severity severity, boolean passed, String message, Long rowId) {

    public enum Severity { ERROR, WARNING }

    public boolean blocks() {
        return !passed && severity == Severity.ERROR;
    }
}
