-- Availability at scale (issue 4, SPEC §8: 100,000 devices over one year under 2 s). A year of
-- device_daily_rollup for 100,000 devices is 36.5 M rows, and MariaDB on 2 cores needs ~10 s only
-- to sum them. Tier and category figures read this pre-aggregated table instead: per project,
-- category and county day, the summed rollups of the devices that were in service that day
-- (the same clipping AvailabilityRepository applies to daily rows). ~4,400 rows per project-year.
--
-- Kept exact by two writers (monitoring.CategoryRollups): re-built for a day whenever that day's
-- daily rollups are written, and moved by delta when a device's project, category or service dates
-- change (the ledger's DeviceFactsChanged event, inside the same transaction). Only days listed in
-- category_rollup_day are read from here; any other day is read from device_daily_rollup as before,
-- so rows written some other way can never be half-counted.
CREATE TABLE category_daily_rollup (
    project_id     BIGINT      NOT NULL,
    category_code  VARCHAR(40) NOT NULL,
    rollup_day     DATE        NOT NULL,
    up_s           BIGINT      NOT NULL,
    degraded_s     BIGINT      NOT NULL,
    down_s         BIGINT      NOT NULL,
    unknown_s      BIGINT      NOT NULL,
    maintenance_s  BIGINT      NOT NULL,
    outages        BIGINT      NOT NULL,
    reboots        BIGINT      NOT NULL,
    PRIMARY KEY (project_id, rollup_day, category_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The days whose category rollups are complete.
CREATE TABLE category_rollup_day (
    rollup_day  DATE        NOT NULL,
    built_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (rollup_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row, locked FOR UPDATE by both writers so a day's re-build and a device's move never interleave
-- (works across replicas; no stored procedures or triggers).
CREATE TABLE category_rollup_lock (
    id  INT NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO category_rollup_lock (id) VALUES (1);
