-- Read models the ledger publishes (docs/ARCHITECTURE.md "Read models"), so that monitoring joins devices in one
-- statement without naming the ledger's tables (issue 12 item 5). The ledger may change the tables behind them; it
-- keeps these columns.

-- Where a device belongs and how people know it: for grouping, scoping and labelling device states and rollups.
CREATE VIEW ledger_device_dimension AS
SELECT d.id, d.project_id, d.asset_tag, d.name, d.category_code, d.site_id, s.name AS site_name, d.lifecycle,
       d.in_service_on, d.retired_on, d.ip_address, d.probe_method, d.serial_number, d.model, d.firmware
FROM device d LEFT JOIN site s ON s.id = d.site_id;

-- How a device is probed: what an agent's assignment is made of (credentials stay behind the ledger's API).
CREATE VIEW ledger_device_probe AS
SELECT id, asset_tag, category_code, lifecycle, probe_method, probe_zone, probe_host, ip_address, probe_port,
       probe_interval_seconds, probe_timeout_ms, probe_settings, credential_id
FROM device;
