package org.xueliang.tracker.shared;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

import tools.jackson.core.JacksonException;

/**
 * Renders every error of the API as {@code application/problem+json} (RFC 9457) with an
 * {@code errors} list of field problems, so a caller always learns what went wrong and where.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e) {
        return problem(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        FieldProblem p = InputProblems.mustBe(e.getName(), e.getRequiredType());
        return problem(HttpStatus.BAD_REQUEST, "Bad request", p.message(), List.of(p));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleOptimisticLock(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "Someone else changed this record meanwhile; reload and try again", null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException e) {
        // The constraint names (uk_device_asset_tag, fk_…) say which rule broke without echoing SQL.
        String cause = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase();
        String detail = cause.contains("uk_") ? "A record with the same unique value already exists"
                : cause.contains("fk_") ? "The record refers to something that does not exist, or is still referred to"
                : "The change breaks a data integrity rule";
        log.debug("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Conflict", detail, null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).toList();
        ApiException api = ApiException.invalid(problems);
        return new ResponseEntity<>(body(api.status(), api.title(), api.getMessage(), problems), api.status());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof ApiException api) {
            // a DTO's constructor refused a value: its own words, not the wrapper's
            return new ResponseEntity<>(body(api.status(), api.title(), api.getMessage(), api.errors()), api.status());
        }
        List<FieldProblem> problems = e.getCause() instanceof JacksonException j ? List.of(InputProblems.of(j)) : List.of();
        String detail = problems.isEmpty() ? "The request body is missing or is not valid JSON for this resource"
                : problems.get(0).message();
        return new ResponseEntity<>(body(HttpStatus.BAD_REQUEST, "Bad request", detail, problems), HttpStatus.BAD_REQUEST);
    }

    /**
     * Anything no other handler knows: a 500 problem detail with a reference the server log has next
     * to the stack trace. No internals reach the caller (issue 9: such failures used to leave as
     * Spring's plain {@code application/json} error with the exception's message).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // the security filter chain answers these (401/403)
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI());
            return null;
        }
        ProblemDetail pd = internalError(HttpStatus.INTERNAL_SERVER_ERROR, e, request.getMethod() + " " + request.getRequestURI());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /**
     * A 5xx problem detail that says nothing about {@code failure} but a fresh reference
     * ({@code correlationId}), which the error log repeats with the failure's stack trace.
     */
    static ProblemDetail internalError(HttpStatus status, Throwable failure, String answering) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error {} answering {}", reference, answering, failure);
        ProblemDetail pd = body(status, "Internal error",
                "The server failed to answer this request; the failure is logged under reference " + reference, null);
        pd.setProperty("correlationId", reference);
        return pd;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, List<?> errors) {
        return ResponseEntity.status(status).body(body(status, title, detail, errors));
    }

    static ProblemDetail body(HttpStatus status, String title, String detail, List<?> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setProperty("errors", errors == null ? List.of() : errors);
        return pd;
    }
}
