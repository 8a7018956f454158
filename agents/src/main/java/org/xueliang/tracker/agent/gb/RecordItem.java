package org.xueliang.tracker.agent.gb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code <Item>} of a RecordInfo answer (GB/T 28181-2016 A.2.6.6): a recorded interval of a channel. The times
 * are the device's local wall-clock times; {@link #start(ZoneId)} and {@link #end(ZoneId)} place them in the zone
 * the device's clock runs in.
 *
 * @param type     time, alarm, manual or all, as the device wrote it (lower case); null when unsaid
 * @param fileSize bytes, when the device says
 */
public record RecordItem(String deviceId, String name, String filePath, String address, LocalDateTime startTime,
                         LocalDateTime endTime, Integer secrecy, String type, String recorderId, Long fileSize) {

    /** Reads one item; refused when the DeviceID or a time is missing or malformed, or it ends before it starts. */
    public static RecordItem from(Map<String, String> item) throws ManscdpException {
        String deviceId = FieldValues.required(item, "DeviceID", "a record item");
        LocalDateTime start = GbTime.parseLocal(FieldValues.required(item, "StartTime", "a record item"));
        LocalDateTime end = GbTime.parseLocal(FieldValues.required(item, "EndTime", "a record item"));
        if (end.isBefore(start)) {
            throw new ManscdpException("a record item that ends (" + end + ") before it starts (" + start + ")");
        }
        String type = FieldValues.text(item, "Type");
        return new RecordItem(deviceId, FieldValues.text(item, "Name"), FieldValues.text(item, "FilePath"),
                FieldValues.text(item, "Address"), start, end, FieldValues.integer(item, "Secrecy", 0, 1),
                type == null ? null : type.toLowerCase(java.util.Locale.ROOT), FieldValues.text(item, "RecorderID"),
                FieldValues.longValue(item, "FileSize", 0, Long.MAX_VALUE));
    }

    public Instant start(ZoneId zone) {
        return startTime.atZone(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return endTime.atZone(zone).toInstant();
    }

    /** The same item with its times cut to the second: what {@link #toFields} writes (Annex A times have no fraction). */
    public RecordItem withoutFraction() {
        return new RecordItem(deviceId, name, filePath, address, startTime.truncatedTo(ChronoUnit.SECONDS),
                endTime.truncatedTo(ChronoUnit.SECONDS), secrecy, type, recorderId, fileSize);
    }

    /** The item as Annex A writes it, for a {@link ManscdpMessage}'s items (what a simulated device answers). */
    public Map<String, String> toFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DeviceID", deviceId);
        CatalogItem.put(m, "Name", name);
        CatalogItem.put(m, "FilePath", filePath);
        CatalogItem.put(m, "Address", address);
        m.put("StartTime", GbTime.format(startTime));
        m.put("EndTime", GbTime.format(endTime));
        CatalogItem.put(m, "Secrecy", secrecy == null ? null : secrecy.toString());
        CatalogItem.put(m, "Type", type);
        CatalogItem.put(m, "RecorderID", recorderId);
        CatalogItem.put(m, "FileSize", fileSize == null ? null : fileSize.toString());
        return m;
    }
}
