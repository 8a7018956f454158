package org.xueliang.tracker.shared;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's, which answers
 * plain {@code application/json} or HTML: what fails outside Spring MVC — a request the security
 * firewall rejects, an exception in a filter — is a problem detail too (issue 9). A 5xx gets a
 * reference that the log repeats next to the exception, as in {@link ProblemDetailsAdvice}.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail body;
        if (status.is5xxServerError()) {
            body = ProblemDetailsAdvice.internalError(status, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION),
                    String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        } else {
            body = ProblemDetailsAdvice.body(status, status.getReasonPhrase(), "The request was refused: " + status.getReasonPhrase(), null);
        }
        body.setInstance(originalPath(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The path the caller asked for (not {@code /error}), when it is a valid URI at all. */
    private static URI originalPath(HttpServletRequest request) {
        try {
            return new URI(null, null, String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), null);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
