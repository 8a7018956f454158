package org.xueliang.tracker.shared;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request the application never saw — a request line or headers over
 * {@code server.max-http-request-header-size}, a malformed request line — as a problem detail
 * instead of Tomcat's HTML error page (issue 9). Errors the application answers are already
 * problem details; this valve leaves a response that has a body alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status == HttpStatus.BAD_REQUEST
                ? "The server could not read the request: its request line or headers are malformed, or longer than 64 KB"
                : status.getReasonPhrase();
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(status, status.getReasonPhrase(), detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already taken: nothing more to tell
        }
    }
}
