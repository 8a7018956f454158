-- Xueliang Tracker ledger schema.
-- Written in the MySQL dialect subset that runs unchanged on MySQL 8, MariaDB 10.11+ and H2 in
-- MySQL mode: no stored procedures, no triggers (SPEC §3 keeps the SQL TiDB-compatible too).
-- Money is DECIMAL(15,2) yuan; dates of lifecycle steps are DATE; instants are DATETIME(3) in UTC.
-- Every table states utf8mb4 itself: a MariaDB server or database left at the upstream default
-- (latin1) would otherwise refuse or mangle Chinese text (and the default '台' below). H2 accepts
-- and ignores these table options in MySQL mode.

CREATE TABLE project (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    code              VARCHAR(64)   NOT NULL,
    county            VARCHAR(64)   NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    phase             VARCHAR(32)   NOT NULL,
    contract_amount   DECIMAL(15,2) NOT NULL,
    audited_amount    DECIMAL(15,2),
    budget_amount     DECIMAL(15,2),
    spent_amount      DECIMAL(15,2),
    cost_ceiling_pct  DECIMAL(5,2)  NOT NULL DEFAULT 10.00,
    planned_start     DATE,
    planned_end       DATE,
    actual_start      DATE,
    actual_end        DATE,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_project_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE construction_item (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    project_id          BIGINT       NOT NULL,
    seq                 INT          NOT NULL,
    name                VARCHAR(200) NOT NULL,
    planned_completion  DATE,
    actual_completion   DATE,
    PRIMARY KEY (id),
    CONSTRAINT uk_construction_item_seq UNIQUE (project_id, seq),
    CONSTRAINT fk_construction_item_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE device_category (
    code                  VARCHAR(40)  NOT NULL,
    name_zh               VARCHAR(64)  NOT NULL,
    name_en               VARCHAR(64)  NOT NULL,
    tier                  VARCHAR(16)  NOT NULL,
    default_probe_method  VARCHAR(16)  NOT NULL,
    sort_order            INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE site (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    code       VARCHAR(64)   NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    township   VARCHAR(64),
    address    VARCHAR(300),
    latitude   DECIMAL(9,6),
    longitude  DECIMAL(9,6),
    PRIMARY KEY (id),
    CONSTRAINT uk_site_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE quantity_target (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    project_id     BIGINT        NOT NULL,
    seq            INT           NOT NULL,
    label          VARCHAR(200)  NOT NULL,
    unit           VARCHAR(16)   NOT NULL DEFAULT '台',
    planned_count  INT           NOT NULL,
    weight         DECIMAL(6,2)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_quantity_target_seq UNIQUE (project_id, seq),
    CONSTRAINT fk_quantity_target_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The selector of a quantity target: the device categories it counts, optionally narrowed to
-- some site kinds (for example CHECKPOINT_CAMERA only at 清河镇). No site-kind rows = every site.
CREATE TABLE quantity_target_category (
    target_id      BIGINT      NOT NULL,
    category_code  VARCHAR(40) NOT NULL,
    PRIMARY KEY (target_id, category_code),
    CONSTRAINT fk_qtc_target FOREIGN KEY (target_id) REFERENCES quantity_target (id),
    CONSTRAINT fk_qtc_category FOREIGN KEY (category_code) REFERENCES device_category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE quantity_target_site_kind (
    target_id  BIGINT      NOT NULL,
    site_kind  VARCHAR(32) NOT NULL,
    PRIMARY KEY (target_id, site_kind),
    CONSTRAINT fk_qtsk_target FOREIGN KEY (target_id) REFERENCES quantity_target (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Secrets (ONVIF password, SNMP community, SNMPv3 keys) are AES-GCM ciphertexts, base64 encoded.
CREATE TABLE credential (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    kind               VARCHAR(16)   NOT NULL,
    username           VARCHAR(128),
    secret_cipher      VARCHAR(1024),
    auth_protocol      VARCHAR(16),
    priv_protocol      VARCHAR(16),
    priv_secret_cipher VARCHAR(1024),
    created_at         DATETIME(3)   NOT NULL,
    updated_at         DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE device (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    project_id            BIGINT        NOT NULL,
    asset_tag             VARCHAR(64)   NOT NULL,
    name                  VARCHAR(200),
    category_code         VARCHAR(40)   NOT NULL,
    construction_item_id  BIGINT,
    site_id               BIGINT,
    vendor                VARCHAR(100),
    model                 VARCHAR(100),
    serial_number         VARCHAR(100),
    mac_address           VARCHAR(17),
    ip_address            VARCHAR(45),
    firmware              VARCHAR(100),
    lifecycle             VARCHAR(16)   NOT NULL,
    planned_on            DATE,
    delivered_on          DATE,
    installed_on          DATE,
    accepted_on           DATE,
    in_service_on         DATE,
    faulty_on             DATE,
    retired_on            DATE,
    warranty_end          DATE,
    unit_price            DECIMAL(15,2),
    notes                 VARCHAR(1000),
    probe_method          VARCHAR(16),
    probe_port            INT,
    credential_id         BIGINT,
    created_at            DATETIME(3)   NOT NULL,
    updated_at            DATETIME(3)   NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_device_asset_tag UNIQUE (asset_tag),
    CONSTRAINT fk_device_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_device_category FOREIGN KEY (category_code) REFERENCES device_category (code),
    CONSTRAINT fk_device_item FOREIGN KEY (construction_item_id) REFERENCES construction_item (id),
    CONSTRAINT fk_device_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_device_credential FOREIGN KEY (credential_id) REFERENCES credential (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_device_project_lifecycle ON device (project_id, lifecycle);
CREATE INDEX ix_device_site ON device (site_id);
CREATE INDEX ix_device_category ON device (category_code);

-- Every lifecycle step a device took, including repeated FAULTY <-> IN_SERVICE swings,
-- so the installation curve and later availability periods read facts, not the latest column.
CREATE TABLE device_lifecycle_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    device_id   BIGINT       NOT NULL,
    from_state  VARCHAR(16),
    to_state    VARCHAR(16)  NOT NULL,
    step_date   DATE         NOT NULL,
    recorded_at DATETIME(3)  NOT NULL,
    recorded_by VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_lifecycle_device FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_lifecycle_device ON device_lifecycle_event (device_id, step_date);

CREATE TABLE app_user (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    username         VARCHAR(64)  NOT NULL,
    display_name     VARCHAR(100) NOT NULL,
    password_hash    VARCHAR(100) NOT NULL,
    role             VARCHAR(16)  NOT NULL,
    all_projects     BOOLEAN      NOT NULL DEFAULT TRUE,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts  INT          NOT NULL DEFAULT 0,
    locked_until     DATETIME(3),
    last_login_at    DATETIME(3),
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Projects a user is limited to when all_projects is false (a prefecture serving several counties).
CREATE TABLE app_user_project (
    user_id     BIGINT NOT NULL,
    project_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, project_id),
    CONSTRAINT fk_aup_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_aup_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only, hash-chained: hash = SHA-256(prev_hash | canonical fields). Nothing updates or
-- deletes rows here; /api/v1/audit/verify recomputes the chain.
CREATE TABLE audit_log (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at  DATETIME(3)  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    action       VARCHAR(32)  NOT NULL,
    entity_type  VARCHAR(64)  NOT NULL,
    entity_id    VARCHAR(64),
    summary      VARCHAR(500),
    before_json  MEDIUMTEXT,
    after_json   MEDIUMTEXT,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_entity ON audit_log (entity_type, entity_id);

-- One row holding the newest hash: writers lock it (SELECT … FOR UPDATE) so the chain stays a
-- chain even with several backend replicas appending at once.
CREATE TABLE audit_chain_head (
    id         INT       NOT NULL,
    last_id    BIGINT    NOT NULL,
    last_hash  CHAR(64)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
