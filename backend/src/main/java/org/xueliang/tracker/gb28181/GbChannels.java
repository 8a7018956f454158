package org.xueliang.tracker.gb28181;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The channels of each device ({@code gb_channel}) as its Catalog answers and catalog NOTIFY events report them. A
 * channel's status is its own (ON, OFF, VLOST, DEFECT) and never follows its device's registration.
 */
@Component
class GbChannels {

    /** Catalog items that group channels rather than being one: platforms, business groups, virtual organisations. */
    private static final List<String> NOT_CHANNELS = List.of("200", "215", "216");

    private final JdbcTemplate jdbc;

    GbChannels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A catalog item's channel code when it names a channel (20 digits, not a grouping), else empty. */
    static Optional<String> channelCode(Map<String, String> item) {
        String code = item.get("DeviceID");
        if (code == null || !code.trim().matches("\\d{20}")) {
            return Optional.empty();
        }
        String c = code.trim();
        return NOT_CHANNELS.contains(c.substring(10, 13)) ? Optional.empty() : Optional.of(c);
    }

    /**
     * Inserts or updates the channel an item describes, not removed. {@code listedIn} is the start of the catalog
     * round that lists it (null for an ADD/UPDATE event, which changes the fields but is not a catalog listing).
     */
    void upsert(String deviceCode, String channelCode, Map<String, String> item, Instant at, Instant listedIn) {
        String status = status(item.get("Status")).orElse(null); // none: an update keeps it, a new channel is ON
        Object[] fields = {GbDb.cut(item.get("Name"), 128), GbDb.cut(item.get("Manufacturer"), 64),
                GbDb.cut(item.get("Model"), 64), GbDb.cut(item.get("Address"), 255), ptzType(item),
                coordinate(item.get("Longitude"), 180), coordinate(item.get("Latitude"), 90), status,
                GbDb.cut(item.get("ParentID"), 20), GbDb.cut(item.get("CivilCode"), 12)};
        Object seen = GbDb.ts(listedIn);
        // A catalog's Status is ON or OFF: whether the channel is there. It does not end a VLOST or DEFECT a NOTIFY
        // reported (the simulator, like devices, keeps listing a channel without picture as ON); only an ON event does.
        int updated = jdbc.update("UPDATE gb_channel SET name = ?, manufacturer = ?, model = ?, address = ?, ptz_type = ?,"
                        + " longitude = ?, latitude = ?,"
                        + " status = CASE WHEN status IN ('VLOST', 'DEFECT') AND COALESCE(?, 'ON') = 'ON' THEN status ELSE COALESCE(?, status) END,"
                        + " parent_code = ?, civil_code = ?, removed_at = NULL,"
                        + " catalog_seen_at = COALESCE(?, catalog_seen_at), updated_at = ?"
                        + " WHERE device_code = ? AND channel_code = ?",
                concat(java.util.Arrays.copyOfRange(fields, 0, 8), concat(java.util.Arrays.copyOfRange(fields, 7, fields.length),
                        seen, GbDb.ts(at), deviceCode, channelCode)));
        if (updated == 0) {
            jdbc.update("INSERT INTO gb_channel (name, manufacturer, model, address, ptz_type, longitude, latitude, status,"
                            + " parent_code, civil_code, catalog_seen_at, updated_at, device_code, channel_code)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'ON'), ?, ?, ?, ?, ?, ?)",
                    concat(fields, seen, GbDb.ts(at), deviceCode, channelCode));
        }
    }

    /**
     * A catalog NOTIFY event for one channel. ON/OFF/VLOST/DEFECT set its status, DEL removes it, ADD and UPDATE
     * (re)describe it; each is remembered as the channel's last event. Unknown events are ignored (false).
     */
    boolean applyEvent(String deviceCode, String channelCode, String event, Map<String, String> item, Instant at) {
        switch (event) {
            case "ADD", "UPDATE" -> upsert(deviceCode, channelCode, item, at, null);
            case "ON", "OFF", "VLOST", "DEFECT" -> {
                int updated = jdbc.update("UPDATE gb_channel SET status = ?, updated_at = ? WHERE device_code = ?"
                        + " AND channel_code = ?", event, GbDb.ts(at), deviceCode, channelCode);
                if (updated == 0) {
                    upsert(deviceCode, channelCode, Map.of("Status", event), at, null);
                }
            }
            case "DEL" -> jdbc.update("UPDATE gb_channel SET removed_at = ?, updated_at = ? WHERE device_code = ?"
                    + " AND channel_code = ? AND removed_at IS NULL", GbDb.ts(at), GbDb.ts(at), deviceCode, channelCode);
            default -> {
                return false;
            }
        }
        jdbc.update("UPDATE gb_channel SET last_event = ?, event_at = ? WHERE device_code = ? AND channel_code = ?",
                event, GbDb.ts(at), deviceCode, channelCode);
        return true;
    }

    /** After a complete catalog round (started at {@code since}): the channels it did not list are removed. */
    int removeUnlistedSince(String deviceCode, Instant since, Instant at) {
        return jdbc.update("UPDATE gb_channel SET removed_at = ?, updated_at = ? WHERE device_code = ? AND removed_at IS NULL"
                        + " AND (catalog_seen_at IS NULL OR catalog_seen_at < ?)",
                GbDb.ts(at), GbDb.ts(at), deviceCode, GbDb.ts(since));
    }

    /** ON/OFF as the catalog's Status says it; devices also write ONLINE/OFFLINE or OK. */
    static Optional<String> status(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "ON", "ONLINE", "OK" -> Optional.of("ON");
            case "OFF", "OFFLINE" -> Optional.of("OFF");
            case "VLOST" -> Optional.of("VLOST");
            case "DEFECT" -> Optional.of("DEFECT");
            default -> Optional.of("OFF");
        };
    }

    private static Integer ptzType(Map<String, String> item) {
        String text = item.getOrDefault("Info.PTZType", item.get("PTZType"));
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A longitude or latitude within ±bound with six decimals (the column's); anything else is no position. */
    private static BigDecimal coordinate(String text, int bound) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim()).setScale(6, java.math.RoundingMode.HALF_UP);
            return value.abs().compareTo(BigDecimal.valueOf(bound)) <= 0 ? value : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Object[] concat(Object[] head, Object... tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
