-- archive (issue 11): every version of a camera's 一机一档, written in the same transaction as the change to
-- camera_archive (a PUT, an imported row, the demo's or the reference dataset's seed). fields_json holds the archive's
-- own fields by API code (absent = not filled in); the ledger's fields are not versioned here. A past month's
-- 一机一档完整率 uses the version in force at the month's end (docs/ARCHIVE.md "Versions").
CREATE TABLE camera_archive_version (
    device_id    BIGINT        NOT NULL,
    version_no   INT           NOT NULL,
    fields_json  MEDIUMTEXT    NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    changed_at   DATETIME(3)   NOT NULL,
    changed_by   VARCHAR(64),
    PRIMARY KEY (device_id, version_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_camera_archive_version_at ON camera_archive_version (device_id, changed_at);
