-- One row that start-up work which must happen once per database (the first admin, the reference
-- dataset) locks before it looks whether the work is done: two instances starting at once on an
-- empty database then take turns instead of both inserting the same rows (issue 9, defect 5).
-- Owned by the shared module (shared.FirstStartLock).
CREATE TABLE first_start_lock (
    name VARCHAR(40) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO first_start_lock (name) VALUES ('first-start');
