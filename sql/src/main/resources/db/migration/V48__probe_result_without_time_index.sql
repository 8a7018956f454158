-- Raw results lose their index on the probe time alone (issue 12, ingest throughput). Its only reader was the hourly
-- retention job (DELETE … WHERE probed_at < ?), and every ingested result paid an entry in it. Retention now walks
-- the per-device index (device_id, probed_at): monitoring.ingest.ProbeResultHistory.
DROP INDEX ix_probe_result_time ON probe_result;
