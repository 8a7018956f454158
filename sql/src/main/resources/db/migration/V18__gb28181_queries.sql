-- GB/T 28181 queries (issue 10): what the server asked each device and when, so that any replica can carry on a
-- multi-MESSAGE answer, a periodic query or a subscription renewal another replica started. Same dialect rules as V1.

-- gb28181: the last DeviceStatus query sent (the periodic refresh asks again once status_at is older than its
-- interval and the last ask is too, so a silent device is not asked every minute), and a refused catalog SUBSCRIBE
-- (the SIP status code the device answered; such a device is not subscribed again).
ALTER TABLE gb_registration ADD COLUMN status_asked_at DATETIME(3);
ALTER TABLE gb_registration ADD COLUMN subscribe_refused_at DATETIME(3);
ALTER TABLE gb_registration ADD COLUMN subscribe_refusal INT;

-- gb28181: when the channel was last listed in a Catalog answer; channels a complete answer did not list are removed.
ALTER TABLE gb_channel ADD COLUMN catalog_seen_at DATETIME(3);
-- gb28181: the catalog item's parent (the NVR or a virtual organisation) and civil code, as the device reported them.
ALTER TABLE gb_channel ADD COLUMN parent_code VARCHAR(20);
ALTER TABLE gb_channel ADD COLUMN civil_code VARCHAR(12);

-- gb28181: the SN the RecordInfo query carried (its answer repeats it) and how many intervals its parts brought.
ALTER TABLE gb_record_query ADD COLUMN sn BIGINT;
ALTER TABLE gb_record_query ADD COLUMN received INT NOT NULL DEFAULT 0;

-- gb28181: the Catalog answer under way per device: its SN, the SumNum it announced and when its first part came.
-- Complete once its parts brought SumNum items; every channel listed in it carries started_at as catalog_seen_at.
CREATE TABLE gb_catalog_round (
    device_code   CHAR(20)     NOT NULL,
    sn            BIGINT       NOT NULL,
    sum_num       INT          NOT NULL,
    received      INT          NOT NULL,
    started_at    DATETIME(3)  NOT NULL,
    completed_at  DATETIME(3),
    PRIMARY KEY (device_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
