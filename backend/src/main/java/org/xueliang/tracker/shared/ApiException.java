package org.xueliang.tracker.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error the API reports to its caller as an RFC 9457 problem detail. The factory methods name
 * the situations the modules meet; {@link ProblemDetailsAdvice} renders them.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<?> errors;

    public ApiException(HttpStatus status, String title, String detail, List<?> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", what + " " + id + " does not exist", null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, null);
    }

    /** 413: the request body is larger than {@code limit}, which the detail names. */
    public static ApiException tooLarge(String what, String limit) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Content too large", what + " is larger than " + limit, null);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", message, List.of(new FieldProblem(field, message)));
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " fields are invalid";
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", detail, problems);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<?> errors() {
        return errors;
    }
}
