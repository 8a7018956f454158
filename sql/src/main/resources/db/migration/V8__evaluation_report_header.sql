-- The header block of the 项目支出绩效自评表 that an evaluator writes with the report prose (项目名称 and
-- 资金情况 come from the ledger): 主管部门, 实施单位, 年度总体目标 and 实际完成情况. One row per
-- evaluation, absent until first written; a new version copies it. Owned by the evaluation module.
CREATE TABLE evaluation_report_header (
    evaluation_id         BIGINT        NOT NULL,
    competent_department  VARCHAR(200),
    implementing_unit     VARCHAR(200),
    annual_goal           TEXT,
    annual_outcome        TEXT,
    PRIMARY KEY (evaluation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
