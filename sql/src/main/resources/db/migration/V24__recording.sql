-- recording (录像完整率, issue 11): what ONVIF Profile G searches found, and which windows each source answered.
-- synthetic = written by demo mode (demo.DemoRecordings), never measured.
-- GB/T 28181 intervals stay in gb_record_interval (module gb28181); this module reads them through gb28181.GbRecordings.

-- recording: recorded intervals an ONVIF recording search reported (source ONVIF), per ledger camera.
CREATE TABLE recording_interval (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    device_id    BIGINT        NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    start_at     DATETIME(3)   NOT NULL,
    end_at       DATETIME(3)   NOT NULL,
    reported_at  DATETIME(3)   NOT NULL,
    synthetic    BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_recording_interval_device ON recording_interval (device_id, start_at);

-- recording: the windows a source answered a recording query for (ONVIF search, GB/T 28181 RecordInfo): the time
-- that was measured; a day no answered window touches is not measured (RECORDING_NOT_QUERIED).
CREATE TABLE recording_window (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    device_id    BIGINT        NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    window_start DATETIME(3)   NOT NULL,
    window_end   DATETIME(3)   NOT NULL,
    answered_at  DATETIME(3)   NOT NULL,
    synthetic    BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_recording_window_device ON recording_window (device_id, window_start);

-- recording: the latest retention a source reported per camera (ONVIF GetRecordingSummary: oldest, newest recording).
CREATE TABLE recording_retention (
    device_id    BIGINT        NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    earliest_at  DATETIME(3),
    latest_at    DATETIME(3),
    reported_at  DATETIME(3)   NOT NULL,
    synthetic    BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (device_id, source)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
