-- The live status stream across replicas (issue 12, module monitoring, docs/ARCHITECTURE.md "Live status stream"): every
-- committed device state change, written in the transaction that made it, so that each backend replica polls the
-- rows above the last id it has seen and fans them out to the browsers connected to it. A change ingested on one
-- replica thus reaches a browser connected to any other. The rows are only a hand-over between replicas: they are
-- kept for xl.monitoring.stream.feed-retention-minutes (default 60) and pruned under a lease; the outage history is
-- device_state_interval. No foreign key to device: a deleted device's last changes may still be fanned out.
CREATE TABLE status_change_feed (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    device_id    BIGINT       NOT NULL,
    from_state   VARCHAR(10)  NOT NULL,
    to_state     VARCHAR(10)  NOT NULL,
    changed_at   DATETIME(3)  NOT NULL,
    reason       VARCHAR(32),
    recorded_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_status_change_feed_recorded ON status_change_feed (recorded_at);
