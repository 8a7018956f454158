-- 图像完好率 (issue 11 §3, module vqd): one row per picture-quality check of a camera's snapshot, as the probe agent
-- reported it (facts vqd.checkedAt, vqd.<CLASS>, vqd.faults). faults = comma list of the classes at fault ('' = a
-- clean check); scores = every judged class as CLASS=score, comma separated. synthetic = written by demo mode.
-- Kept as long as raw probe results (xl.monitoring.raw-retention-days).
CREATE TABLE vqd_check (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    device_id   BIGINT        NOT NULL,
    checked_at  DATETIME(3)   NOT NULL,
    faults      VARCHAR(200)  NOT NULL DEFAULT '',
    scores      VARCHAR(300)  NOT NULL DEFAULT '',
    synthetic   BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uk_vqd_check UNIQUE (device_id, checked_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_vqd_check_time ON vqd_check (checked_at);
