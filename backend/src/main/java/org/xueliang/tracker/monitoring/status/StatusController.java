package org.xueliang.tracker.monitoring.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.monitoring.DeviceState;

@RestController
class StatusController {

    static final int MAX_PROBES = 5000;

    private final StatusQueries queries;
    private final StatusStream stream;
    private final Clock clock;
    private final CurrentUser currentUser;

    StatusController(StatusQueries queries, StatusStream stream, Clock clock, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.queries = queries;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping("/api/v1/status/summary")
    StatusQueries.Summary summary(@RequestParam(required = false) Long projectId,
                                  @RequestParam(required = false) String source) {
        return queries.summary(projectId, source);
    }

    /** Server-sent events: one {@code state} event per device state change, as it commits. */
    @GetMapping(path = "/api/v1/status/stream", produces = "text/event-stream")
    SseEmitter stream(jakarta.servlet.http.HttpServletResponse response) {
        // nginx buffers responses unless told not to, which would hold events back.
        response.setHeader("X-Accel-Buffering", "no");
        return stream.subscribe(currentUser.scope()); // changes of the user's projects only
    }

    @GetMapping("/api/v1/devices/{id}/status")
    StatusQueries.DeviceStatus status(@PathVariable long id) {
        return queries.device(id);
    }

    @GetMapping("/api/v1/devices/{id}/outages")
    List<StatusQueries.Interval> outages(@PathVariable long id, @RequestParam(required = false) Instant from,
                                         @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        requireOrder(start, end);
        return queries.intervals(id, start, end, DeviceState.DOWN);
    }

    @GetMapping("/api/v1/devices/{id}/states")
    List<StatusQueries.Interval> states(@PathVariable long id, @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : from;
        requireOrder(start, end);
        return queries.intervals(id, start, end, null);
    }

    @GetMapping("/api/v1/devices/{id}/probes")
    List<StatusQueries.Probe> probes(@PathVariable long id, @RequestParam(required = false) Instant from,
                                     @RequestParam(required = false) Instant to,
                                     @RequestParam(defaultValue = "1000") int limit) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : from;
        requireOrder(start, end);
        if (limit < 1 || limit > MAX_PROBES) {
            throw ApiException.badRequest("limit", "must be between 1 and " + MAX_PROBES);
        }
        return queries.probes(id, start, end, limit);
    }

    private static void requireOrder(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from", "must be before 'to'");
        }
    }
}
