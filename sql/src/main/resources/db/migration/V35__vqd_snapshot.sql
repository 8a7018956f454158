-- 图像完好率 (issue 11 §3, module vqd): the picture the latest scheduled check of each camera judged, so the device
-- page shows it beside the verdicts. One row per camera, replaced by each newer check (an older upload arriving late
-- is ignored). picture = the agent's reduction to analysis size (about 480×270) as JPEG, tens of KB.
-- checked_at = the check's time on the agent (the vqd.checkedAt fact, the same as its vqd_check row);
-- received_at = when the backend stored it.
CREATE TABLE vqd_snapshot (
    device_id    BIGINT        NOT NULL,
    checked_at   DATETIME(3)   NOT NULL,
    received_at  DATETIME(3)   NOT NULL,
    picture      MEDIUMBLOB    NOT NULL,
    width        INT           NOT NULL,
    height       INT           NOT NULL,
    PRIMARY KEY (device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
