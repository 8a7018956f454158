-- assessment: LATE_REPAIR is fed by the work orders now (issue 13; docs/ASSESSMENT.md "Rules"). Its threshold is the
-- tolerance in hours past an order's SLA repair deadline (default 0), no longer the repair time itself (the SLA rules
-- of the work orders set that). Rows still at the old untouched default (24 h, −1, cap 10, switched off: it could not
-- be switched on before) take the new default and are switched on; a rule an evaluator changed stays as it is.
UPDATE assessment_rule SET threshold = 0, active = TRUE
WHERE code = 'LATE_REPAIR' AND active = FALSE AND threshold = 24 AND deduction = 1 AND cap = 10 AND proportional = FALSE;

-- ledger: a device's uplink (上联设备), the switch it hangs off (docs/WORKORDERS.md "Opening automatically": a down
-- uplink and its down devices are one order). Optional; checked by ledger.DeviceUplinks (same project, no loop).
ALTER TABLE device ADD COLUMN uplink_device_id BIGINT NULL;
CREATE INDEX ix_device_uplink ON device (uplink_device_id);
ALTER TABLE device ADD CONSTRAINT fk_device_uplink FOREIGN KEY (uplink_device_id) REFERENCES device (id) ON DELETE SET NULL;
