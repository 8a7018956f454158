-- archive (issue 11): 一机一档, one row per camera device with what the ledger does not already hold. The ledger keeps
-- gbCode, name, IP, MAC, vendor, model, install date and the site; a NULL here means "not filled in" (region code,
-- address and coordinates then default to the project's and the site's, retention days to 30). Codes, not labels:
-- camera_type (GB/T 28181 PTZType), position_type (PositionType), room_type (RoomType), supply_light
-- (SupplyLightType), direction (DirectionType), point_class (一/二/三类点位), functions (comma-separated codes).
CREATE TABLE camera_archive (
    device_id         BIGINT        NOT NULL,
    region_code       VARCHAR(12),
    install_address   VARCHAR(300),
    longitude         DECIMAL(10,6),
    latitude          DECIMAL(10,6),
    camera_type       VARCHAR(16),
    position_type     VARCHAR(32),
    room_type         VARCHAR(16),
    supply_light      VARCHAR(16),
    direction         VARCHAR(4),
    point_class       VARCHAR(16),
    functions         VARCHAR(200),
    management_unit   VARCHAR(200),
    contact_phone     VARCHAR(32),
    police_station    VARCHAR(200),
    maintenance_unit  VARCHAR(200),
    retention_days    INT,
    updated_at        DATETIME(3)   NOT NULL,
    updated_by        VARCHAR(64),
    PRIMARY KEY (device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_camera_archive_maintenance ON camera_archive (maintenance_unit);
