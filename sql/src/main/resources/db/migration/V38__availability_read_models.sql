-- Availability at scale and one owner per table (issue 12 items 5 and 6).
--
-- 1. Device-month rollups (owner: monitoring). Per-device figures over a year of 100,000 devices read 36.5 M daily
--    rows (54 s on 2 cores); these hold, per device and calendar month, the plain sums of that device's daily rollup
--    rows in the month (no clipping to service dates, so ledger edits never touch them: the reader uses a month only
--    where the device was in service all month, and daily rows elsewhere). A month is listed in device_rollup_month
--    once its rows are exact: built when the month's last day has been rolled up, re-built in the same transaction
--    whenever a day of it is written again (monitoring.DeviceMonthRollups, called from CategoryRollups.build).
--    Sums of a month fit INT: at most 31 × 86,400 seconds; outages and reboots are counted per day in INT already.
CREATE TABLE device_monthly_rollup (
    device_id      BIGINT  NOT NULL,
    month_first    DATE    NOT NULL,
    up_s           INT     NOT NULL,
    degraded_s     INT     NOT NULL,
    down_s         INT     NOT NULL,
    unknown_s      INT     NOT NULL,
    maintenance_s  INT     NOT NULL,
    outages        INT     NOT NULL,
    reboots        INT     NOT NULL,
    PRIMARY KEY (device_id, month_first)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE device_rollup_month (
    month_first  DATE         NOT NULL,
    built_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (month_first)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 2. Read models (docs/ARCHITECTURE.md "Read models"): the columns each owner promises to other modules, so that
--    availability joins ledger and monitoring data in one statement without naming their tables. Plain projections
--    and inner joins only (no aggregate, DISTINCT or UNION), so MariaDB merges them into the reading statement
--    (ALGORITHM=MERGE is its choice for such views; the keyword is left out because H2 does not know it).

-- monitoring: daily rollups of each device (county days).
CREATE VIEW monitoring_device_day AS
SELECT device_id, rollup_day, up_s, degraded_s, down_s, unknown_s, maintenance_s, outages, reboots, synthetic
  FROM device_daily_rollup;

-- monitoring: device-month sums, of built months only (every row is exact).
CREATE VIEW monitoring_device_month AS
SELECT m.device_id, m.month_first, m.up_s, m.degraded_s, m.down_s, m.unknown_s, m.maintenance_s, m.outages, m.reboots
  FROM device_monthly_rollup m JOIN device_rollup_month b ON b.month_first = m.month_first;

-- monitoring: the months whose device-month sums are built.
CREATE VIEW monitoring_device_month_built AS
SELECT month_first FROM device_rollup_month;

-- monitoring: category rollups (V6), of built days only.
CREATE VIEW monitoring_category_day AS
SELECT r.project_id, r.category_code, r.rollup_day, r.up_s, r.degraded_s, r.down_s, r.unknown_s, r.maintenance_s,
       r.outages, r.reboots
  FROM category_daily_rollup r JOIN category_rollup_day b ON b.rollup_day = r.rollup_day;

-- monitoring: the days whose category rollups are built.
CREATE VIEW monitoring_category_day_built AS
SELECT rollup_day FROM category_rollup_day;

-- monitoring: state intervals (UTC; ended_at NULL while open).
CREATE VIEW monitoring_state_interval AS
SELECT id, device_id, state, started_at, ended_at FROM device_state_interval;

-- monitoring: maintenance windows (UTC), scoped to a DEVICE (scope_ref = device id), SITE (site id) or CATEGORY (code).
CREATE VIEW monitoring_maintenance_window AS
SELECT id, scope_type, scope_ref, starts_at, ends_at, reason FROM maintenance_window;

-- ledger: a device's facts that figures group and clip by.
-- V36 created this view for monitoring; availability also needs installed_on, so it is widened here (same columns
-- first, one more at the end). MariaDB drops the unused LEFT JOIN of site when a query reads no site column.
CREATE OR REPLACE VIEW ledger_device_dimension AS
SELECT d.id, d.project_id, d.asset_tag, d.name, d.category_code, d.site_id, s.name AS site_name, d.lifecycle,
       d.in_service_on, d.retired_on, d.ip_address, d.probe_method, d.serial_number, d.model, d.firmware, d.installed_on
FROM device d LEFT JOIN site s ON s.id = d.site_id;

-- ledger: device categories and their tier.
CREATE VIEW ledger_category_dimension AS
SELECT code, name_zh, name_en, tier FROM device_category;

-- ledger: sites (coordinates decide 建档率).
CREATE VIEW ledger_site_dimension AS
SELECT id, name, latitude, longitude FROM site;

-- ledger: projects.
CREATE VIEW ledger_project_dimension AS
SELECT id, code, name FROM project;
