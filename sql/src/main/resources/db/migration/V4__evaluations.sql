-- 项目支出绩效自评 (SPEC §6.2–6.5): an evaluation of one project over one period under one accounting
-- policy, its indicator rows and the prose of its report. A signed (FINAL) evaluation keeps a frozen
-- JSON snapshot of everything it shows and the snapshot's SHA-256; a correction is a new version
-- that supersedes it.
CREATE TABLE evaluation (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    project_id          BIGINT       NOT NULL,
    period_from         DATE         NOT NULL,
    period_to           DATE         NOT NULL,
    maintenance_policy  VARCHAR(16)  NOT NULL,
    unknown_policy      VARCHAR(16)  NOT NULL,
    quality_metric      VARCHAR(16)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    version             INT          NOT NULL,
    supersedes_id       BIGINT,
    created_by          VARCHAR(64)  NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    signed_by           VARCHAR(64),
    signed_at           DATETIME(3),
    snapshot_json       MEDIUMTEXT,
    snapshot_sha256     CHAR(64),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_evaluation_project ON evaluation (project_id, id);

-- One row of the 自评表. metric says how the actual is obtained (a computed metric or MANUAL);
-- scoring how the computed score follows from it. evidence_json is the evidence as it stood when
-- the row was computed (devices, intervals, rollups, dates, amounts).
CREATE TABLE evaluation_row (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    evaluation_id    BIGINT         NOT NULL,
    seq              INT            NOT NULL,
    level2           VARCHAR(24)    NOT NULL,
    name             VARCHAR(500)   NOT NULL,
    metric           VARCHAR(24)    NOT NULL,
    scoring          VARCHAR(16)    NOT NULL,
    unit             VARCHAR(16)    NOT NULL,
    target           DECIMAL(18,4),
    actual           DECIMAL(18,4),
    weight           DECIMAL(8,2)   NOT NULL,
    override_score   DECIMAL(8,2),
    override_reason  VARCHAR(1000),
    formula          VARCHAR(1000),
    note             VARCHAR(2000),
    coverage         DECIMAL(9,6),
    evidence_json    MEDIUMTEXT,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_evaluation_row ON evaluation_row (evaluation_id, seq);

CREATE TABLE evaluation_report_section (
    evaluation_id  BIGINT       NOT NULL,
    seq            INT          NOT NULL,
    body           MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (evaluation_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
