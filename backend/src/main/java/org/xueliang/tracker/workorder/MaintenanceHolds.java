package org.xueliang.tracker.workorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.ledger.DeviceDirectory.DevicePlace;

/**
 * Planned maintenance holds back automatic orders (docs/WORKORDERS.md "Opening automatically"): a device failing
 * inside a maintenance window of its own, its site or its category gets no order while the window lasts, and its
 * grace counts from the window's end. Read from monitoring's read model {@code monitoring_maintenance_window}.
 */
@Component
class MaintenanceHolds {

    /** One window: what it covers (DEVICE id, SITE id or CATEGORY code) and when. */
    record Window(String scopeType, String scopeRef, Instant startsAt, Instant endsAt) {

        boolean covers(DevicePlace place) {
            return switch (scopeType) {
                case "DEVICE" -> scopeRef.equals(Long.toString(place.id()));
                case "SITE" -> place.siteId() != null && scopeRef.equals(place.siteId().toString());
                case "CATEGORY" -> scopeRef.equals(place.categoryCode());
                default -> false;
            };
        }
    }

    private final JdbcTemplate jdbc;

    MaintenanceHolds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The windows that began by {@code now} and end after {@code earliest} (the earliest failure looked at). */
    List<Window> overlapping(Instant earliest, Instant now) {
        return jdbc.query("SELECT scope_type, scope_ref, starts_at, ends_at FROM monitoring_maintenance_window"
                        + " WHERE starts_at <= ? AND ends_at > ?",
                (rs, n) -> new Window(rs.getString(1), rs.getString(2), Times.instant(rs.getTimestamp(3)),
                        Times.instant(rs.getTimestamp(4))),
                Times.ts(now), Times.ts(earliest));
    }

    /**
     * From when a failure since {@code since} counts: pushed to the end of every window of the device that has begun
     * and overlaps it (a window opened while the device was already down, within its grace, holds it back too;
     * windows back to back push it on). After {@code now} means the device is inside a window now.
     */
    static Instant countsFrom(Instant since, DevicePlace place, Collection<Window> windows, Instant now) {
        List<Window> mine = new ArrayList<>(windows.stream().filter(w -> w.covers(place)).toList());
        mine.sort(Comparator.comparing(Window::startsAt));
        Instant from = since;
        for (Window w : mine) {
            if (!w.startsAt().isAfter(now) && w.endsAt().isAfter(from)) {
                from = w.endsAt();
            }
        }
        return from;
    }
}
