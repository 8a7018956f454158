-- The items of a computed row's evidence (docs/EVALUATION.md §1) in parts, each a JSON array of up to 2,000 items in
-- their order: a 100,000-device project's per-device figures are tens of megabytes as one JSON text, beyond
-- evaluation_row.evidence_json (MEDIUMTEXT, 16 MB) and MariaDB's default max_allowed_packet (16 MB). Rows stored before
-- V39 keep their items inside evidence_json; new rows keep only the kind, summary and formula there.
CREATE TABLE evaluation_evidence_part (
    row_id      BIGINT      NOT NULL,
    seq         INT         NOT NULL,
    items_json  MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (row_id, seq),
    CONSTRAINT fk_evaluation_evidence_part_row FOREIGN KEY (row_id) REFERENCES evaluation_row (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
