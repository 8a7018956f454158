-- 图像完好率 (issue 11 §3, module vqd): what the picture-quality checks judge by.
-- vqd_threshold: an administrator's threshold for one class of one device category (a class without a row keeps the
-- analyzer's default 0.5). The backend sends a camera's category thresholds to its agent in the assignment.
CREATE TABLE vqd_threshold (
    category_code  VARCHAR(40)   NOT NULL,
    vqd_class      VARCHAR(20)   NOT NULL,
    threshold      DECIMAL(4,3)  NOT NULL,
    updated_by     VARCHAR(64)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (category_code, vqd_class)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- vqd_reference: the picture of a camera's intended view that a technician approved (场景变更 is judged against it,
-- colour too). picture = the snapshot reduced to analysis size (about 480×270) as JPEG, tens of KB.
CREATE TABLE vqd_reference (
    device_id    BIGINT        NOT NULL,
    picture      MEDIUMBLOB    NOT NULL,
    width        INT           NOT NULL,
    height       INT           NOT NULL,
    approved_by  VARCHAR(64)   NOT NULL,
    approved_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
