-- Issue 12: notifications go through a durable outbox (owned by the notification module).
-- One row per (channel, notice), written in the same transaction as the state change that causes it,
-- so a notice is never lost with a replica's memory. Delivery workers on every replica claim a due row
-- with one conditional UPDATE (claimed_by, claim_until), send it, and mark it SENT; a failed send is
-- retried after a growing pause (next_attempt_at) until attempts reach the limit (FAILED). A replica
-- that dies mid-send leaves a claim that expires, and another replica sends the row again.
-- The unique key (channel_id, event_key) keeps the old notification_log's promise: one row per event.
CREATE TABLE notification_outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    channel_id       BIGINT        NOT NULL,
    event_key        VARCHAR(128)  NOT NULL,
    device_id        BIGINT,
    -- PENDING (waiting or being sent), SENT or FAILED (gave up after the last attempt)
    status           VARCHAR(16)   NOT NULL,
    title            VARCHAR(500)  NOT NULL,
    body             TEXT          NOT NULL,
    -- the structured event (JSON) that a generic webhook receives
    event_json       TEXT          NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NOT NULL,
    claimed_by       VARCHAR(160),
    claim_until      DATETIME(3),
    created_at       DATETIME(3)   NOT NULL,
    sent_at          DATETIME(3),
    last_error       VARCHAR(500),
    PRIMARY KEY (id),
    CONSTRAINT uk_notification_outbox_event UNIQUE (channel_id, event_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);

-- The old send log becomes history in the outbox. Its SENDING rows were left by a crash and carry no
-- text to send again: they are kept as FAILED so that the channel shows them.
INSERT INTO notification_outbox (channel_id, event_key, device_id, status, title, body, event_json, attempts,
                                 next_attempt_at, created_at, sent_at, last_error)
SELECT channel_id, event_key, device_id,
       CASE WHEN outcome = 'SENT' THEN 'SENT' ELSE 'FAILED' END,
       '', '', '{}', 1, sent_at, sent_at,
       CASE WHEN outcome = 'SENT' THEN sent_at ELSE NULL END,
       CASE WHEN outcome = 'SENDING' THEN 'interrupted before the outbox existed' ELSE error END
FROM notification_log;
DROP TABLE notification_log;
