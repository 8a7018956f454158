-- 时钟准确率 (issue 11 §4, module clock): every clock offset a device reported, thinned to at most one sample per
-- device and source per few minutes (xl.clock.sample-minutes). source ONVIF (GetSystemDateAndTime) or GB28181
-- (DeviceStatus's DeviceTime); offset_ms = device clock − server clock. synthetic = written by demo mode.
-- Kept as long as raw probe results (xl.monitoring.raw-retention-days).
CREATE TABLE clock_sample (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    device_id   BIGINT       NOT NULL,
    source      VARCHAR(8)   NOT NULL,
    sampled_at  DATETIME(3)  NOT NULL,
    offset_ms   BIGINT       NOT NULL,
    synthetic   BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uk_clock_sample UNIQUE (device_id, source, sampled_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_clock_sample_time ON clock_sample (sampled_at);
