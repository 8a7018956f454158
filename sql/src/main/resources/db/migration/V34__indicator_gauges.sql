-- Prometheus gauge xl_video_indicator_ratio (issue 11 §7, docs/ASSESSMENT.md "Prometheus"): each project's
-- video-assessment indicators over the current county month so far, computed by one replica under a lease
-- (assessment.IndicatorGauges) and read by every replica on scrape refresh, so no replica computes them per
-- scrape and all replicas show the same value. ratio is NULL when no camera was measured.
CREATE TABLE assessment_indicator_gauge (
    project_id    BIGINT       NOT NULL,
    indicator     VARCHAR(32)  NOT NULL,
    period_month  CHAR(7)      NOT NULL,
    achieved      DOUBLE       NOT NULL,
    expected      DOUBLE       NOT NULL,
    ratio         DOUBLE,
    computed_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (project_id, indicator),
    CONSTRAINT fk_assessment_indicator_gauge_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
