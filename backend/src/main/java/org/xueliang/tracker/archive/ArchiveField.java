package org.xueliang.tracker.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a 一机一档 in the common provincial form's order (the export's columns). {@link #code()} is the API's
 * name; {@link #ledger()} fields are read from the ledger (edited there, not here); {@link #required()} fields count
 * in the 档案完整率. People read {@code archive.field.<code>} from the bundle.
 */
public enum ArchiveField {
    GB_CODE("gbCode", true, true, Kind.GB_CODE),
    NAME("name", true, true, Kind.TEXT),
    REGION_CODE("regionCode", false, true, Kind.REGION),
    INSTALL_ADDRESS("installAddress", false, true, Kind.ADDRESS),
    LONGITUDE("longitude", false, true, Kind.LONGITUDE),
    LATITUDE("latitude", false, true, Kind.LATITUDE),
    CAMERA_TYPE("cameraType", false, true, Kind.ENUM),
    POSITION_TYPE("positionType", false, true, Kind.ENUM),
    ROOM_TYPE("roomType", false, true, Kind.ENUM),
    SUPPLY_LIGHT("supplyLight", false, false, Kind.ENUM),
    DIRECTION("direction", false, false, Kind.ENUM),
    POINT_CLASS("pointClass", false, true, Kind.ENUM),
    FUNCTIONS("functions", false, true, Kind.ENUM_SET),
    IP_ADDRESS("ipAddress", true, true, Kind.IP),
    MAC_ADDRESS("macAddress", true, true, Kind.MAC),
    VENDOR("vendor", true, true, Kind.TEXT),
    MODEL("model", true, true, Kind.TEXT),
    INSTALLED_ON("installedOn", true, false, Kind.DATE),
    MANAGEMENT_UNIT("managementUnit", false, true, Kind.TEXT),
    CONTACT_PHONE("contactPhone", false, true, Kind.PHONE),
    POLICE_STATION("policeStation", false, true, Kind.TEXT),
    MAINTENANCE_UNIT("maintenanceUnit", false, true, Kind.TEXT),
    RETENTION_DAYS("retentionDays", false, true, Kind.DAYS);

    /** How a field's text is checked ({@link ArchiveRules}). */
    enum Kind { GB_CODE, TEXT, ADDRESS, REGION, LONGITUDE, LATITUDE, ENUM, ENUM_SET, IP, MAC, DATE, PHONE, DAYS }

    private final String code;
    private final boolean ledger;
    private final boolean required;
    private final Kind kind;

    ArchiveField(String code, boolean ledger, boolean required, Kind kind) {
        this.code = code;
        this.ledger = ledger;
        this.required = required;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public boolean ledger() {
        return ledger;
    }

    public boolean required() {
        return required;
    }

    Kind kind() {
        return kind;
    }

    /** The enumeration of an ENUM or ENUM_SET field, else null. */
    Class<? extends Enum<?>> codes() {
        return switch (this) {
            case CAMERA_TYPE -> ArchiveCodes.CameraType.class;
            case POSITION_TYPE -> ArchiveCodes.PositionType.class;
            case ROOM_TYPE -> ArchiveCodes.RoomType.class;
            case SUPPLY_LIGHT -> ArchiveCodes.SupplyLight.class;
            case DIRECTION -> ArchiveCodes.Direction.class;
            case POINT_CLASS -> ArchiveCodes.PointClass.class;
            case FUNCTIONS -> ArchiveCodes.Function.class;
            default -> null;
        };
    }

    /** The bundle prefix of an enumerated field's labels: {@code archive.<code>.<CONSTANT>}. */
    String labelPrefix() {
        return "archive." + code;
    }

    public static List<ArchiveField> requiredFields() {
        return Arrays.stream(values()).filter(ArchiveField::required).toList();
    }

    public static Optional<ArchiveField> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
