package org.xueliang.tracker.agent.gb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code <Item>} of a Catalog answer or a Catalog NOTIFY (GB/T 28181-2016 A.2.6.4 / A.2.5): a channel of an NVR,
 * the one channel of an IPC, or a catalog node. Text values are trimmed, blank ones null; numbers out of range are
 * null (see {@link FieldValues}). Lengths are not cut here: a store cuts to its columns.
 *
 * @param parental  1 when the item has children of its own (a node or an NVR), 0 for a camera; null when unsaid
 * @param status    ON or OFF as the device wrote it (upper case); some devices write ONLINE/OFFLINE or OK
 * @param longitude WGS-84 degrees; null when absent, out of range, or 0 together with a 0 latitude (what devices
 *                  without a position send)
 * @param ptzType   Info.PTZType: 1 dome (球机), 2 half dome (半球), 3 fixed (固定枪机), 4 remote-controlled; 0 unknown
 * @param event     in a NOTIFY only: ON, OFF, VLOST, DEFECT, ADD, DEL, UPDATE (upper case)
 */
public record CatalogItem(String deviceId, String name, String manufacturer, String model, String owner,
                          String civilCode, String address, Boolean parental, String parentId, String status,
                          Double longitude, Double latitude, Integer ptzType, String event) {

    /** Reads one item; only a missing DeviceID refuses it (a channel is known by its code and nothing else). */
    public static CatalogItem from(Map<String, String> item) throws ManscdpException {
        Double longitude = FieldValues.decimal(item, "Longitude", -180, 180);
        Double latitude = FieldValues.decimal(item, "Latitude", -90, 90);
        if (longitude != null && latitude != null && longitude == 0 && latitude == 0) {
            longitude = null;
            latitude = null;
        }
        Integer ptz = FieldValues.integer(item, "Info.PTZType", 0, 4);
        if (ptz == null) {
            ptz = FieldValues.integer(item, "PTZType", 0, 4);
        }
        return new CatalogItem(FieldValues.required(item, "DeviceID", "a catalog item"), FieldValues.text(item, "Name"),
                FieldValues.text(item, "Manufacturer"), FieldValues.text(item, "Model"), FieldValues.text(item, "Owner"),
                FieldValues.text(item, "CivilCode"), FieldValues.text(item, "Address"), FieldValues.flag(item, "Parental"),
                FieldValues.text(item, "ParentID"), FieldValues.code(item, "Status"), longitude, latitude, ptz,
                FieldValues.code(item, "Event"));
    }

    /** True for ON (and ONLINE, OK, which some devices write), false for OFF/OFFLINE, null for anything else. */
    public Boolean online() {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "ON", "ONLINE", "OK" -> Boolean.TRUE;
            case "OFF", "OFFLINE" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The item as Annex A writes it, for a {@link ManscdpMessage}'s items (what a simulated device answers). */
    public Map<String, String> toFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DeviceID", deviceId);
        put(m, "Event", event);
        put(m, "Name", name);
        put(m, "Manufacturer", manufacturer);
        put(m, "Model", model);
        put(m, "Owner", owner);
        put(m, "CivilCode", civilCode);
        put(m, "Address", address);
        put(m, "Parental", parental == null ? null : parental ? "1" : "0");
        put(m, "ParentID", parentId);
        put(m, "Status", status);
        put(m, "Longitude", longitude == null ? null : String.format(java.util.Locale.ROOT, "%.6f", longitude));
        put(m, "Latitude", latitude == null ? null : String.format(java.util.Locale.ROOT, "%.6f", latitude));
        put(m, "Info.PTZType", ptzType == null ? null : ptzType.toString());
        return m;
    }

    static void put(Map<String, String> m, String name, String value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
