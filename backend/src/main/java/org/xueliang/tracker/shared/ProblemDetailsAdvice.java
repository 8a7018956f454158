package org.xueliang.tracker.shared;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

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
        String message = "'" + e.getValue() + "' is not a valid value for " + e.getName();
        return problem(HttpStatus.BAD_REQUEST, "Bad request", message, List.of(new FieldProblem(e.getName(), message)));
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
        String detail = "The request body is not valid JSON for this resource";
        return new ResponseEntity<>(body(HttpStatus.BAD_REQUEST, "Bad request", detail, null), HttpStatus.BAD_REQUEST);
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
