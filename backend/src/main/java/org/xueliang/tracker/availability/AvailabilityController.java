package org.xueliang.tracker.availability;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.availability.AvailabilityPolicy.MaintenancePolicy;
import org.xueliang.tracker.availability.AvailabilityPolicy.UnknownPolicy;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

/** {@code GET /api/v1/metrics/availability} and a device's evidence timeline (docs/API.md, docs/AVAILABILITY.md). */
@RestController
class AvailabilityController {

    private final AvailabilityService service;

    AvailabilityController(AvailabilityService service) {
        this.service = service;
    }

    record Response(long projectId, LocalDate from, LocalDate to, AvailabilityPolicy policy, String groupBy,
                    List<GroupView> groups) {
    }

    /** One group as the API prints it: the figures flattened next to key and label. */
    record GroupView(String key, String label, int devices, long inServiceSeconds, long maintenanceSeconds,
                     long unknownSeconds, long downSeconds, long degradedSeconds, Double availability, Double coverage,
                     Double onlineRateSampled, Double onlineRateTime, Double intactRate, long reboots, long outages,
                     Double faultRate, Double mttrHours, Double repairedWithin24h, int repairs, Double recordCompleteness) {

        static GroupView of(AvailabilityService.Group g) {
            Figures f = g.figures();
            return new GroupView(g.key(), g.label(), f.devices(), f.inServiceSeconds(), f.maintenanceSeconds(),
                    f.unknownSeconds(), f.downSeconds(), f.degradedSeconds(), f.availability(), f.coverage(),
                    f.onlineRateSampled(), f.onlineRateTime(), f.intactRate(), f.reboots(), f.outages(), f.faultRate(),
                    f.mttrHours(), f.repairedWithin24h(), f.repairs(), f.recordCompleteness());
        }
    }

    @GetMapping("/api/v1/metrics/availability")
    Response availability(@RequestParam(required = false) String projectId, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(defaultValue = "tier") String groupBy,
                          @RequestParam(required = false) String maintenance, @RequestParam(required = false) String unknown,
                          @RequestParam(required = false) String policy) {
        Params in = new Params();
        Long project = in.id("projectId", projectId, true);
        LocalDate f = in.date("from", from);
        LocalDate t = in.date("to", to);
        GroupBy by = in.choice("groupBy", groupBy, GroupBy.class);
        AvailabilityPolicy pol = in.policy(policy, maintenance, unknown);
        in.done();
        List<GroupView> groups = service.figures(project, f, t, by, pol).stream().map(GroupView::of).toList();
        return new Response(project, f, t, pol, by.name().toLowerCase(Locale.ROOT), groups);
    }

    @GetMapping("/api/v1/metrics/devices/{id}/timeline")
    AvailabilityService.DeviceTimeline timeline(@PathVariable long id, @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                @RequestParam(required = false) String maintenance,
                                                @RequestParam(required = false) String unknown,
                                                @RequestParam(required = false) String policy) {
        Params in = new Params();
        LocalDate f = in.date("from", from);
        LocalDate t = in.date("to", to);
        AvailabilityPolicy pol = in.policy(policy, maintenance, unknown);
        in.done();
        return service.deviceTimeline(id, f, t, pol);
    }

    /** Parses query parameters, collecting every problem so one 400 names all bad fields. */
    private static final class Params {
        private final List<FieldProblem> problems = new ArrayList<>();

        Long id(String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    problems.add(new FieldProblem(field, "is required"));
                }
                return null;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(field, "must be a number, not '" + value + "'"));
                return null;
            }
        }

        LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem(field, "is required (YYYY-MM-DD)"));
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD, not '" + value + "'"));
                return null;
            }
        }

        <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "must be one of " + Arrays.toString(type.getEnumConstants())
                        .toLowerCase(Locale.ROOT) + ", not '" + value + "'"));
                return null;
            }
        }

        /**
         * The policy from {@code policy=maintenance:COUNT_AS_UP,unknown:COUNT_AS_DOWN} (either part may be left
         * out) and/or the separate {@code maintenance=} and {@code unknown=} parameters, which win where both are given.
         */
        AvailabilityPolicy policy(String policy, String maintenance, String unknown) {
            String m = maintenance;
            String u = unknown;
            if (policy != null && !policy.isBlank()) {
                for (String part : policy.split(",")) {
                    String[] kv = part.split("[:=]", 2);
                    String key = kv[0].trim().toLowerCase(Locale.ROOT);
                    if (kv.length != 2 || !(key.equals("maintenance") || key.equals("unknown"))) {
                        problems.add(new FieldProblem("policy", "must read maintenance:EXCLUDE|COUNT_AS_UP,"
                                + "unknown:EXCLUDE|COUNT_AS_DOWN, not '" + policy + "'"));
                        return AvailabilityPolicy.DEFAULT;
                    }
                    if (key.equals("maintenance") && m == null) {
                        m = kv[1];
                    } else if (key.equals("unknown") && u == null) {
                        u = kv[1];
                    }
                }
            }
            MaintenancePolicy mp = m == null ? null : choice("maintenance", m, MaintenancePolicy.class);
            UnknownPolicy up = u == null ? null : choice("unknown", u, UnknownPolicy.class);
            return new AvailabilityPolicy(mp, up, null);
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Bad request", problems.size() == 1
                        ? problems.get(0).field() + ": " + problems.get(0).message()
                        : problems.size() + " parameters are invalid", problems);
            }
        }
    }
}
