package org.xueliang.tracker.archive;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/v1/devices/{id}/archive}: the archive's own fields, all of them (an absent or null field
 * is not filled in; region code, address, coordinates and retention days then take their defaults). Codes for the
 * enumerations (docs/ARCHIVE.md); the ledger's fields are edited in the ledger.
 */
record ArchiveInput(String regionCode, String installAddress, BigDecimal longitude, BigDecimal latitude,
                    String cameraType, String positionType, String roomType, String supplyLight, String direction,
                    String pointClass, List<String> functions, String managementUnit, String contactPhone,
                    String policeStation, String maintenanceUnit, Integer retentionDays) {

    Map<ArchiveField, String> values() {
        Map<ArchiveField, String> v = new EnumMap<>(ArchiveField.class);
        put(v, ArchiveField.REGION_CODE, regionCode);
        put(v, ArchiveField.INSTALL_ADDRESS, installAddress);
        put(v, ArchiveField.LONGITUDE, longitude == null ? null : longitude.toPlainString());
        put(v, ArchiveField.LATITUDE, latitude == null ? null : latitude.toPlainString());
        put(v, ArchiveField.CAMERA_TYPE, cameraType);
        put(v, ArchiveField.POSITION_TYPE, positionType);
        put(v, ArchiveField.ROOM_TYPE, roomType);
        put(v, ArchiveField.SUPPLY_LIGHT, supplyLight);
        put(v, ArchiveField.DIRECTION, direction);
        put(v, ArchiveField.POINT_CLASS, pointClass);
        put(v, ArchiveField.FUNCTIONS, functions == null || functions.isEmpty() ? null
                : String.join(",", functions.stream().map(f -> f == null ? "" : f.trim()).toList()));
        put(v, ArchiveField.MANAGEMENT_UNIT, managementUnit);
        put(v, ArchiveField.CONTACT_PHONE, contactPhone);
        put(v, ArchiveField.POLICE_STATION, policeStation);
        put(v, ArchiveField.MAINTENANCE_UNIT, maintenanceUnit);
        put(v, ArchiveField.RETENTION_DAYS, retentionDays == null ? null : retentionDays.toString());
        return v;
    }

    private static void put(Map<ArchiveField, String> v, ArchiveField f, String value) {
        if (value != null) {
            v.put(f, value);
        }
    }
}
