-- Health monitoring (issue 3): probe settings on devices, agents, exactly-once batches, raw results,
-- current device state, state intervals (outages are the DOWN ones), reported facts, maintenance
-- windows and daily rollups. Same dialect rules as V1.

ALTER TABLE device ADD COLUMN probe_host VARCHAR(255);
ALTER TABLE device ADD COLUMN probe_interval_seconds INT;
ALTER TABLE device ADD COLUMN probe_timeout_ms INT;
ALTER TABLE device ADD COLUMN probe_zone VARCHAR(64);
ALTER TABLE device ADD COLUMN probe_settings VARCHAR(2000);

CREATE TABLE probe_agent (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    name               VARCHAR(64)  NOT NULL,
    zone               VARCHAR(64)  NOT NULL,
    token_hash         CHAR(64)     NOT NULL,
    embedded           BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at         DATETIME(3)  NOT NULL,
    revoked_at         DATETIME(3),
    last_heartbeat_at  DATETIME(3),
    last_seq           BIGINT       NOT NULL DEFAULT 0,
    agent_version      VARCHAR(32),
    spool_depth        INT,
    spool_bytes        BIGINT,
    send_lag_ms        BIGINT,
    summarised_results BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_probe_agent_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per applied batch: the primary key is what makes a re-sent batch a no-op.
CREATE TABLE agent_batch (
    agent_id      BIGINT      NOT NULL,
    seq           BIGINT      NOT NULL,
    received_at   DATETIME(3) NOT NULL,
    result_count  INT         NOT NULL,
    PRIMARY KEY (agent_id, seq),
    CONSTRAINT fk_agent_batch_agent FOREIGN KEY (agent_id) REFERENCES probe_agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE probe_result (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    device_id   BIGINT       NOT NULL,
    agent_id    BIGINT       NOT NULL,
    probed_at   DATETIME(3)  NOT NULL,
    method      VARCHAR(8)   NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    reason      VARCHAR(16)  NOT NULL,
    latency_ms  INT,
    detail      VARCHAR(300),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_probe_result_device_time ON probe_result (device_id, probed_at);
CREATE INDEX ix_probe_result_time ON probe_result (probed_at);

CREATE TABLE device_status (
    device_id             BIGINT       NOT NULL,
    state                 VARCHAR(10)  NOT NULL,
    since                 DATETIME(3)  NOT NULL,
    reason                VARCHAR(16),
    consecutive_failures  INT          NOT NULL DEFAULT 0,
    first_failure_at      DATETIME(3),
    last_result_at        DATETIME(3),
    last_latency_ms       INT,
    interval_seconds      INT          NOT NULL DEFAULT 60,
    updated_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_device_status_state ON device_status (state);

-- Every state a device was in, as [started_at, ended_at); the open one has ended_at NULL.
CREATE TABLE device_state_interval (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    device_id   BIGINT       NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    reason      VARCHAR(16),
    started_at  DATETIME(3)  NOT NULL,
    ended_at    DATETIME(3),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_state_interval_device ON device_state_interval (device_id, started_at);
CREATE INDEX ix_state_interval_state ON device_state_interval (state, started_at);

CREATE TABLE device_fact (
    device_id   BIGINT        NOT NULL,
    fact_key    VARCHAR(64)   NOT NULL,
    fact_value  VARCHAR(1000),
    updated_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (device_id, fact_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Approved maintenance: scope DEVICE (device id), SITE (site id) or CATEGORY (category code).
CREATE TABLE maintenance_window (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    scope_type  VARCHAR(16)   NOT NULL,
    scope_ref   VARCHAR(64)   NOT NULL,
    starts_at   DATETIME(3)   NOT NULL,
    ends_at     DATETIME(3)   NOT NULL,
    reason      VARCHAR(300)  NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_maintenance_time ON maintenance_window (starts_at, ends_at);

-- Seconds per state per device per day (county time zone), what long-period queries read.
CREATE TABLE device_daily_rollup (
    device_id      BIGINT  NOT NULL,
    rollup_day     DATE    NOT NULL,
    up_s           INT     NOT NULL,
    degraded_s     INT     NOT NULL,
    down_s         INT     NOT NULL,
    unknown_s      INT     NOT NULL,
    maintenance_s  INT     NOT NULL,
    outages        INT     NOT NULL,
    reboots        INT     NOT NULL,
    synthetic      BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (device_id, rollup_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_rollup_day ON device_daily_rollup (rollup_day);

CREATE UNIQUE INDEX ux_probe_agent_token ON probe_agent (token_hash);

-- A reboot is a drop of sysUpTime between two results (供电稳定 evidence); rebooted_at is estimated
-- as the newer result's time minus the new uptime.
CREATE TABLE device_reboot (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    device_id      BIGINT       NOT NULL,
    rebooted_at    DATETIME(3)  NOT NULL,
    detected_at    DATETIME(3)  NOT NULL,
    uptime_before  BIGINT       NOT NULL,
    uptime_after   BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_reboot_device ON device_reboot (device_id, rebooted_at);

-- Where state changes are announced: a generic JSON webhook, a WeCom (企业微信) or DingTalk (钉钉)
-- group robot, or e-mail. A DingTalk signing secret is stored encrypted like device secrets.
CREATE TABLE notification_channel (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    name           VARCHAR(64)   NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    target         VARCHAR(1000) NOT NULL,
    secret_cipher  VARCHAR(1024),
    enabled        BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_notification_channel_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per (channel, event): the unique key is the deduplication, across replicas too.
CREATE TABLE notification_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    channel_id  BIGINT        NOT NULL,
    event_key   VARCHAR(128)  NOT NULL,
    device_id   BIGINT,
    sent_at     DATETIME(3)   NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    error       VARCHAR(500),
    PRIMARY KEY (id),
    CONSTRAINT uk_notification_event UNIQUE (channel_id, event_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
