-- GB/T 28181 access (issue 10): the ledger's national device codes, the platform's registration state, NVR
-- channels, recorded intervals, and each device's status per probe source. Same dialect rules as V1.

-- ledger: the project's 6-digit administrative division code (行政区划代码, 稷山县 140824) that device codes start with,
-- and each device's 20-digit national code (国标编码). Unique where set (NULLs do not collide).
ALTER TABLE project ADD COLUMN region_code CHAR(6);
ALTER TABLE device ADD COLUMN gb_code CHAR(20);
CREATE UNIQUE INDEX uk_device_gb_code ON device (gb_code);
-- ledger: the device's GB/T 28181 REGISTER password (a credential of kind GB28181), apart from its ONVIF/SNMP one.
ALTER TABLE device ADD COLUMN gb_credential_id BIGINT;
ALTER TABLE device ADD CONSTRAINT fk_device_gb_credential FOREIGN KEY (gb_credential_id) REFERENCES credential (id);

-- monitoring: reason codes grew past 16 characters (GB_KEEPALIVE_TIMEOUT).
ALTER TABLE probe_result MODIFY COLUMN reason VARCHAR(32) NOT NULL;
-- monitoring: results of a source the backend observes itself (GB/T 28181) have no agent.
ALTER TABLE probe_result MODIFY COLUMN agent_id BIGINT NULL;
ALTER TABLE device_status MODIFY COLUMN reason VARCHAR(32);
ALTER TABLE device_state_interval MODIFY COLUMN reason VARCHAR(32);

-- monitoring: the latest observation of each source of a device (ONVIF, SNMP, …, GB28181). The device's own state
-- combines them (docs/GB28181.md "Two sources"); this is what the status page shows per source.
CREATE TABLE device_source_status (
    device_id    BIGINT       NOT NULL,
    source       VARCHAR(8)   NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    reason       VARCHAR(32)  NOT NULL,
    observed_at  DATETIME(3)  NOT NULL,
    detail       VARCHAR(300),
    PRIMARY KEY (device_id, source)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- gb28181: one row per device code that ever registered (or tried to). Any replica answers any device: everything
-- a later request needs (the address to send queries to, the registration's expiry) is here, not in memory.
CREATE TABLE gb_registration (
    device_code        CHAR(20)     NOT NULL,
    remote_host        VARCHAR(64)  NOT NULL,
    remote_port        INT          NOT NULL,
    transport          VARCHAR(3)   NOT NULL,
    contact            VARCHAR(255),
    expires_seconds    INT          NOT NULL,
    first_seen_at      DATETIME(3)  NOT NULL,
    registered_at      DATETIME(3),
    expires_at         DATETIME(3),
    unregistered_at    DATETIME(3),
    last_keepalive_at  DATETIME(3),
    keepalive_count    BIGINT       NOT NULL DEFAULT 0,
    manufacturer       VARCHAR(64),
    model              VARCHAR(64),
    firmware           VARCHAR(64),
    channel_count      INT,
    clock_offset_ms    BIGINT,
    status_online      VARCHAR(16),
    status_record      VARCHAR(16),
    alarm_status       VARCHAR(32),
    status_at          DATETIME(3),
    catalog_at         DATETIME(3),
    subscribed_until   DATETIME(3),
    handled_by         VARCHAR(64),
    updated_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (device_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_gb_registration_keepalive ON gb_registration (last_keepalive_at);

-- gb28181: the channels a device's Catalog lists (an IPC has one, an NVR many). Status is the channel's own
-- (ON/OFF from the catalog, the last NOTIFY event), never inherited from the device.
CREATE TABLE gb_channel (
    device_code    CHAR(20)      NOT NULL,
    channel_code   CHAR(20)      NOT NULL,
    name           VARCHAR(128),
    manufacturer   VARCHAR(64),
    model          VARCHAR(64),
    address        VARCHAR(255),
    ptz_type       INT,
    longitude      DECIMAL(10,6),
    latitude       DECIMAL(10,6),
    status         VARCHAR(8)    NOT NULL,
    last_event     VARCHAR(8),
    event_at       DATETIME(3),
    removed_at     DATETIME(3),
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (device_code, channel_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_gb_channel_code ON gb_channel (channel_code);

-- gb28181: recorded intervals a RecordInfo query returned, per channel; replaced per (channel, queried window).
CREATE TABLE gb_record_interval (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    channel_code   CHAR(20)      NOT NULL,
    start_at       DATETIME(3)   NOT NULL,
    end_at         DATETIME(3)   NOT NULL,
    record_type    VARCHAR(16),
    queried_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_gb_record_channel ON gb_record_interval (channel_code, start_at);

-- gb28181: the last RecordInfo query per channel: when, which window, how it ended (OK, TIMEOUT, ERROR).
CREATE TABLE gb_record_query (
    channel_code   CHAR(20)      NOT NULL,
    device_code    CHAR(20)      NOT NULL,
    window_start   DATETIME(3)   NOT NULL,
    window_end     DATETIME(3)   NOT NULL,
    queried_at     DATETIME(3)   NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    interval_count INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- gb28181: failed REGISTER digests per (device code, source host), for throttling across replicas.
CREATE TABLE gb_auth_failure (
    device_code    CHAR(20)      NOT NULL,
    remote_host    VARCHAR(64)   NOT NULL,
    failures       INT           NOT NULL,
    window_start   DATETIME(3)   NOT NULL,
    blocked_until  DATETIME(3),
    PRIMARY KEY (device_code, remote_host)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- gb28181: the key that signs digest nonces, so a nonce one replica issued is good on every other (one row).
CREATE TABLE gb_server_key (
    id          INT          NOT NULL,
    secret      CHAR(64)     NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
