-- Issue 9: anchor the audit chain outside the database (docs/SECURITY.md "Audit chain anchoring").
--
-- hash_version: how an entry's hash was computed. 1 = before V12 (every column but project_id);
-- 2 = every column including project_id and the version itself. Existing rows keep 1 and are verified
-- the old way; every new entry is 2, and a version-1 entry after a version-2 one breaks the chain.
ALTER TABLE audit_log ADD COLUMN hash_version INT NOT NULL DEFAULT 1;

-- Signed checkpoints of the chain head: Ed25519 over (id, last_id, last_hash, signed_at, key_id) with a
-- key kept in a file outside the database. Each checkpoint is also appended to a log file outside
-- the database, so deleting rows here is noticed by /api/v1/audit/verify.
CREATE TABLE audit_checkpoint (
    id         BIGINT       NOT NULL,
    last_id    BIGINT       NOT NULL,
    last_hash  CHAR(64)     NOT NULL,
    signed_at  DATETIME(3)  NOT NULL,
    key_id     VARCHAR(64)  NOT NULL,
    signature  VARCHAR(128) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Leases of scheduled work (shared.SchedulerLease): one row per job; the replica named in holder may
-- run it until lease_until. Taken with an atomic UPDATE (expired or own lease) or INSERT (first time).
CREATE TABLE scheduler_lease (
    name         VARCHAR(64)  NOT NULL,
    holder       VARCHAR(128) NOT NULL,
    lease_until  DATETIME(3)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
