-- V29 (issue 11): 一机一档 versions and GB/T 28181 retention probes.
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

-- gb28181 (issue 11): the retention probe of a channel known through GB/T 28181 only — a RecordInfo over the day that
-- ends 录像保存天数 ago, at most daily per channel, beside (not instead of) the daily RecordInfo in gb_record_query.
-- earliest_at: the oldest recording its answer listed in that window (NULL: none, so the recordings do not reach back
-- that far). Outcome as gb_record_query's: PENDING, PARTIAL, OK, TIMEOUT, ERROR.
CREATE TABLE gb_retention_probe (
    channel_code    CHAR(20)      NOT NULL,
    device_code     CHAR(20)      NOT NULL,
    window_start    DATETIME(3)   NOT NULL,
    window_end      DATETIME(3)   NOT NULL,
    queried_at      DATETIME(3)   NOT NULL,
    sn              BIGINT        NOT NULL,
    outcome         VARCHAR(16)   NOT NULL,
    received        INT           NOT NULL DEFAULT 0,
    earliest_at     DATETIME(3),
    PRIMARY KEY (channel_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
