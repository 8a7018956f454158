-- Fault work orders (工单, issue 13 item 1; module workorder, docs/WORKORDERS.md).
--
-- work_order: one repair job. A cluster order (origin CLUSTER: several devices of one site down together) is one row
-- with several work_order_device links; there are no child orders. Times are UTC. version = optimistic lock: every
-- change is an UPDATE … WHERE id = ? AND version = ?, so two replicas (or two technicians) never both move one order.
-- repaired_at = when the repair counts as done for the figures: the recovery of the last device when the order went
-- through PENDING_CONFIRMATION, else the technician's RESOLVED. contractor = the 维保单位 known at opening (for
-- the SLA rule and the figures); sla_rule = which rule gave the deadlines (DEFAULT, CATEGORY:x, CONTRACTOR:y, …).
CREATE TABLE work_order (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    project_id              BIGINT        NOT NULL,
    site_id                 BIGINT,
    -- AUTO (one device past the grace), CLUSTER (an outage cluster of one site), MANUAL (by hand)
    origin                  VARCHAR(16)   NOT NULL,
    -- why it was opened: the device state and reason code for AUTO/CLUSTER (e.g. DOWN:TIMEOUT), a person's text else
    reason                  VARCHAR(500)  NOT NULL,
    state                   VARCHAR(24)   NOT NULL,
    -- where a PENDING_CONFIRMATION order goes back to when its device fails again before anyone confirmed
    state_before_recovery   VARCHAR(24),
    category_code           VARCHAR(64),
    contractor              VARCHAR(200),
    opened_at               DATETIME(3)   NOT NULL,
    opened_by               VARCHAR(64)   NOT NULL,
    assignee                VARCHAR(64),
    accepted_at             DATETIME(3),
    on_site_at              DATETIME(3),
    on_site_lat             DECIMAL(9, 6),
    on_site_lon             DECIMAL(9, 6),
    recovered_at            DATETIME(3),
    resolved_at             DATETIME(3),
    repaired_at             DATETIME(3),
    closed_at               DATETIME(3),
    closed_by               VARCHAR(64),
    cause                   VARCHAR(16),
    action_taken            VARCHAR(2000),
    parts_replaced          VARCHAR(1000),
    respond_by              DATETIME(3)   NOT NULL,
    repair_by               DATETIME(3)   NOT NULL,
    sla_rule                VARCHAR(300)  NOT NULL,
    version                 BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_work_order_project_state ON work_order (project_id, state);
CREATE INDEX ix_work_order_opened ON work_order (project_id, opened_at);
CREATE INDEX ix_work_order_assignee ON work_order (assignee, state);

-- The devices of an order, each with the start of its incident. open_device_id = device_id while the order holds the
-- device (until RESOLVED, CLOSED or CANCELLED), NULL after: the unique key lets each device be held by one order at a
-- time, so two sweeps (two replicas) can never open two orders for one incident; a flapping device stays on its
-- order. recovered_at = the device is back UP (NULL again when it fails again).
CREATE TABLE work_order_device (
    work_order_id        BIGINT       NOT NULL,
    device_id            BIGINT       NOT NULL,
    incident_started_at  DATETIME(3)  NOT NULL,
    open_device_id       BIGINT,
    recovered_at         DATETIME(3),
    PRIMARY KEY (work_order_id, device_id),
    CONSTRAINT uk_work_order_device_open UNIQUE (open_device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_work_order_device_device ON work_order_device (device_id);

-- Every step of an order (opening, each transition, a device joining a cluster, a photo), for the detail page.
CREATE TABLE work_order_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id   BIGINT        NOT NULL,
    occurred_at     DATETIME(3)   NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    from_state      VARCHAR(24),
    to_state        VARCHAR(24),
    note            VARCHAR(1000),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_work_order_event_order ON work_order_event (work_order_id, id);

-- Deadlines per project, for a device category and/or a 维保单位; '*' = any. The most specific rule that matches wins
-- (category and contractor, then contractor, then category); without one the defaults of xl.workorders.* apply.
-- grace_seconds = how long a device of the category is DOWN/DEGRADED before an order opens (NULL = xl.workorders.grace).
CREATE TABLE work_order_sla_rule (
    project_id              BIGINT        NOT NULL,
    category_code           VARCHAR(64)   NOT NULL,
    contractor              VARCHAR(200)  NOT NULL,
    respond_minutes         INT           NOT NULL,
    repair_minutes          INT           NOT NULL,
    cluster_repair_minutes  INT           NOT NULL,
    grace_seconds           INT,
    PRIMARY KEY (project_id, category_code, contractor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reminders and escalations sent, one row per (order, kind): the primary key makes each one once across replicas.
CREATE TABLE work_order_reminder (
    work_order_id  BIGINT       NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    sent_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (work_order_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Photos of an order, in the database (every replica serves them; no shared file system needed): JPEG, PNG or WebP by
-- their magic bytes, at most 5 MB each, at most 20 per order.
CREATE TABLE work_order_photo (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id   BIGINT        NOT NULL,
    media_type      VARCHAR(32)   NOT NULL,
    size_bytes      INT           NOT NULL,
    uploaded_at     DATETIME(3)   NOT NULL,
    uploaded_by     VARCHAR(64)   NOT NULL,
    content         MEDIUMBLOB    NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_work_order_photo_order ON work_order_photo (work_order_id);
