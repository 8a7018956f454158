package org.xueliang.tracker.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a request's input, in the caller's terms: "id must be a whole number",
 * "lifecycle must be one of PLANNED, …". Never a Java type or an exception's own message, which
 * name classes ({@code java.lang.Long}, {@code org.xueliang…Lifecycle}) and say nothing a user can act on
 * (issue 9).
 */
public final class InputProblems {

    private InputProblems() {
    }

    /** "a whole number", "one of A, B", … : what a value of {@code type} looks like. */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class
                || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == LocalDateTime.class) {
            return "a time (ISO 8601, e.g. 2025-03-01T08:00:00Z)";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** "{@code field} must be {@link #expected expected(type)}". */
    public static FieldProblem mustBe(String field, Class<?> type) {
        return new FieldProblem(field, field + " must be " + expected(type));
    }

    /**
     * The problem of a request body that did not map onto its resource: the field by its JSON path
     * ({@code probe.port}, {@code acknowledgements[0].reason}; {@code body} for the whole) and what it
     * must be, or where the JSON itself is broken.
     */
    public static FieldProblem of(JacksonException e) {
        String path = path(e.getPath());
        if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new FieldProblem("body", "the body is not valid JSON" + where);
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldProblem(path, path + " is not a field of this resource");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return mustBe(path, m.getTargetType());
        }
        return new FieldProblem(path, path.equals("body") ? "the body does not have the shape of this resource"
                : path + " has a value of the wrong type");
    }

    /** The same, with {@code prefix.} in front of the field (a nested object read on its own). */
    public static FieldProblem of(JacksonException e, String prefix) {
        FieldProblem p = of(e);
        if (p.field().equals("body")) {
            return new FieldProblem(prefix, prefix + " must be " + expected(Map.class));
        }
        String field = prefix + "." + p.field();
        return new FieldProblem(field, field + p.message().substring(p.field().length()));
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : references == null ? List.<JacksonException.Reference>of() : references) {
            if (r.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
