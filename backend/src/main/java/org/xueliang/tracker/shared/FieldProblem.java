package org.xueliang.tracker.shared;

/** One field-level error inside a problem detail: which input field, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
