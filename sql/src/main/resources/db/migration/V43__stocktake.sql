-- Stocktake (资产盘点, issue 13 item 4; module stocktake, docs/STOCKTAKE.md).
--
-- stocktake: one session covering a site, a township or a project (site_id / township / project_id; a site or
-- township session may be narrowed to one project). project_id NULL = every project (opened by someone who sees all).
-- Times are UTC. version = optimistic lock: every scan bumps it while the session is OPEN (UPDATE … WHERE state =
-- 'OPEN'), so a scan and a close on two replicas are serialised on this row and no scan lands after the close.
CREATE TABLE stocktake (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    project_id          BIGINT,
    site_id             BIGINT,
    township            VARCHAR(64),
    state               VARCHAR(16)   NOT NULL,
    opened_at           DATETIME(3)   NOT NULL,
    opened_by           VARCHAR(64)   NOT NULL,
    closed_at           DATETIME(3),
    closed_by           VARCHAR(64),
    locations_applied   BOOLEAN       NOT NULL DEFAULT FALSE,
    expected_count      INT           NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_stocktake_project ON stocktake (project_id, opened_at);

-- The devices the session expects to find: the ledger's devices of its scope when it was opened (retired ones left
-- out), a snapshot, so that the report of a closed session does not move when the ledger moves later.
CREATE TABLE stocktake_expected (
    stocktake_id   BIGINT        NOT NULL,
    device_id      BIGINT        NOT NULL,
    site_id        BIGINT,
    PRIMARY KEY (stocktake_id, device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per device the session saw, written by its first scan (the primary key makes a second scan, on any
-- replica, a repeat: counted in scan_count, never a second find). tag_seen / serial_seen = what the label or the
-- technician said, compared with the ledger in the report.
CREATE TABLE stocktake_found (
    stocktake_id      BIGINT         NOT NULL,
    device_id         BIGINT         NOT NULL,
    first_scanned_at  DATETIME(3)    NOT NULL,
    scanned_by        VARCHAR(64)    NOT NULL,
    tag_seen          VARCHAR(64),
    serial_seen       VARCHAR(100),
    latitude          DECIMAL(9, 6),
    longitude         DECIMAL(9, 6),
    -- the device's site in the ledger at the first scan: a "changed location" stays in the report after closing moved it
    ledger_site_id    BIGINT,
    scan_count        INT            NOT NULL DEFAULT 1,
    PRIMARY KEY (stocktake_id, device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_stocktake_found_device ON stocktake_found (device_id, first_scanned_at);

-- Every scan as it came (repeats too): who, when, where, and what the code held.
CREATE TABLE stocktake_scan (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    stocktake_id    BIGINT         NOT NULL,
    device_id       BIGINT         NOT NULL,
    code            VARCHAR(500)   NOT NULL,
    scanned_at      DATETIME(3)    NOT NULL,
    scanned_by      VARCHAR(64)    NOT NULL,
    latitude        DECIMAL(9, 6),
    longitude       DECIMAL(9, 6),
    serial_seen     VARCHAR(100),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_stocktake_scan_session ON stocktake_scan (stocktake_id, scanned_at);

-- Per project and device category: how often its devices are stocktaken (e.g. cameras every 365 days). A category
-- without a row uses the default of docs/STOCKTAKE.md (365 days).
CREATE TABLE stocktake_interval (
    project_id      BIGINT        NOT NULL,
    category_code   VARCHAR(64)   NOT NULL,
    interval_days   INT           NOT NULL,
    PRIMARY KEY (project_id, category_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
