-- 运维考核 (issue 11 §5, docs/ASSESSMENT.md): a project's scoring rules and its monthly sheets.
-- A rule deducts points: per camera over a threshold (FAULT_HOURS), for an indicator below its threshold
-- (flat, or per percentage point when proportional), per late repair (LATE_REPAIR, inactive until work orders
-- exist). The defaults are seeded per project on first use. Each deduction is capped.
CREATE TABLE assessment_rule (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    project_id    BIGINT        NOT NULL,
    code          VARCHAR(32)   NOT NULL,
    threshold     DECIMAL(12,4) NOT NULL,
    deduction     DECIMAL(8,2)  NOT NULL,
    proportional  BOOLEAN       NOT NULL,
    cap           DECIMAL(8,2)  NOT NULL,
    active        BOOLEAN       NOT NULL,
    sort_order    INT           NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_assessment_rule UNIQUE (project_id, code),
    CONSTRAINT fk_assessment_rule_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One month's sheet of a project: the whole computed sheet as JSON (indicators, deductions, groups, per-camera
-- figures and findings), recomputed in place while DRAFT; SIGNED freezes it with its SHA-256.
CREATE TABLE assessment (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    project_id       BIGINT        NOT NULL,
    period_month     CHAR(7)       NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    score            DECIMAL(8,2)  NOT NULL,
    synthetic        BOOLEAN       NOT NULL,
    sheet_json       MEDIUMTEXT    NOT NULL,
    computed_by      VARCHAR(64)   NOT NULL,
    computed_at      DATETIME(3)   NOT NULL,
    signed_by        VARCHAR(64),
    signed_at        DATETIME(3),
    snapshot_sha256  CHAR(64),
    PRIMARY KEY (id),
    CONSTRAINT uq_assessment_month UNIQUE (project_id, period_month),
    CONSTRAINT fk_assessment_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
