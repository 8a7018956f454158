package org.xueliang.tracker.workorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.shared.ApiException;

/**
 * 维护及时性, MTTR and response time of a project's orders (docs/WORKORDERS.md "Figures" has the exact definitions):
 * the orders opened in a county month, cancelled ones left out; an order is decided once it is repaired or its repair
 * deadline has passed; 维护及时性 = decided orders repaired by their deadline ÷ decided orders; MTTR = mean of
 * (repaired − first incident start) over repaired orders; response = mean of (accepted − opened) over accepted orders.
 */
@Service
public class WorkOrderFigures {

    public enum GroupBy { TECHNICIAN, CONTRACTOR, SITE, MONTH }

    /** One group's figures; {@code timeliness} null when no order is decided yet, means null without orders to average. */
    public record Figures(String key, String label, int orders, int decided, int repairedInTime, Double timeliness,
                          int repaired, Double mttrMinutes, int accepted, int respondedInTime, Double responseMinutes) {
    }

    public record Report(long projectId, String month, String groupBy, Figures total, List<Figures> groups) {
    }

    private final WorkOrderStore store;
    private final CurrentUser currentUser;
    private final Clock clock;

    WorkOrderFigures(WorkOrderStore store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report report(long projectId, YearMonth month, String groupByParameter) {
        if (!currentUser.scope().allows(projectId)) {
            throw ApiException.notFound("Project", projectId);
        }
        GroupBy groupBy = groupBy(groupByParameter);
        YearMonth last = month == null ? YearMonth.now(clock) : month;
        YearMonth first = groupBy == GroupBy.MONTH ? last.minusMonths(11) : last;
        ZoneId zone = clock.getZone();
        Instant from = first.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<WorkOrder> orders = store.query(" WHERE o.project_id = ? AND o.state <> 'CANCELLED' AND o.opened_at >= ?"
                + " AND o.opened_at < ?", List.of(projectId, Times.ts(from), Times.ts(to)));
        Instant now = clock.instant();
        List<Figures> groups = new ArrayList<>();
        if (groupBy != null) {
            Function<WorkOrder, String[]> keyOf = switch (groupBy) {
                case TECHNICIAN -> o -> pair(o.assignee());
                case CONTRACTOR -> o -> pair(o.contractor());
                case SITE -> o -> new String[] {o.siteId() == null ? "-" : o.siteId().toString(),
                        o.siteId() == null || o.devices().isEmpty() ? "-" : o.devices().get(0).siteName()};
                case MONTH -> o -> pair(YearMonth.from(o.openedAt().atZone(zone)).toString());
            };
            Map<String, List<WorkOrder>> byKey = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            if (groupBy == GroupBy.MONTH) {
                for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                    byKey.put(m.toString(), new ArrayList<>());
                    labels.put(m.toString(), m.toString());
                }
            }
            for (WorkOrder o : orders) {
                String[] key = keyOf.apply(o);
                byKey.computeIfAbsent(key[0], k -> new ArrayList<>()).add(o);
                labels.putIfAbsent(key[0], key[1]);
            }
            byKey.forEach((key, list) -> groups.add(figures(key, labels.get(key), list, now)));
            if (groupBy != GroupBy.MONTH) {
                // by name, the orders of nobody (no technician, contractor or site: "-") last
                groups.sort(java.util.Comparator.comparing((Figures f) -> "-".equals(f.key())).thenComparing(Figures::label,
                        java.util.Comparator.nullsLast(String::compareTo)));
            }
        }
        return new Report(projectId, groupBy == GroupBy.MONTH ? first + ".." + last : last.toString(),
                groupBy == null ? null : groupBy.name().toLowerCase(Locale.ROOT), figures("total", null, orders, now), groups);
    }

    private static String[] pair(String value) {
        return new String[] {value == null ? "-" : value, value == null ? "-" : value};
    }

    static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return GroupBy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("groupBy", "must be one of technician, contractor, site, month");
        }
    }

    /** The figures of {@code orders} as of {@code now} (plain arithmetic, no database). */
    static Figures figures(String key, String label, List<WorkOrder> orders, Instant now) {
        int decided = 0;
        int inTime = 0;
        int repaired = 0;
        long repairMinutes = 0;
        int accepted = 0;
        int respondedInTime = 0;
        long responseMinutes = 0;
        for (WorkOrder o : orders) {
            if (o.repairedAt() != null) {
                decided++;
                repaired++;
                if (!o.repairedAt().isAfter(o.repairBy())) {
                    inTime++;
                }
                Instant start = o.devices().stream().map(WorkOrder.Device::incidentStartedAt).min(Instant::compareTo)
                        .orElse(o.openedAt());
                repairMinutes += Duration.between(start, o.repairedAt()).toMinutes();
            } else if (now.isAfter(o.repairBy())) {
                decided++;
            }
            if (o.acceptedAt() != null) {
                accepted++;
                responseMinutes += Duration.between(o.openedAt(), o.acceptedAt()).toMinutes();
                if (!o.acceptedAt().isAfter(o.respondBy())) {
                    respondedInTime++;
                }
            }
        }
        return new Figures(key, label, orders.size(), decided, inTime, decided == 0 ? null : (double) inTime / decided,
                repaired, repaired == 0 ? null : (double) repairMinutes / repaired, accepted, respondedInTime,
                accepted == 0 ? null : (double) responseMinutes / accepted);
    }
}
