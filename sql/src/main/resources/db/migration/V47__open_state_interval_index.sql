-- Ingest closes a device's open interval (ended_at IS NULL) whenever its state changes. The only index by device was
-- (device_id, started_at), so each close read, and locked, all of the device's intervals: the cost grew with a
-- flapping device's history. This index finds the open interval directly (StatusStore.closeOpenIntervals).
CREATE INDEX ix_state_interval_open ON device_state_interval (device_id, ended_at);
