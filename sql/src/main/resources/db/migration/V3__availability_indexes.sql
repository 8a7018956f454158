-- Availability (issue 4): indexes behind /api/v1/metrics/availability and AvailabilityService.
-- Rollups are read through their primary key (device_id, rollup_day) from the project's devices;
-- these make the other two reads cheap. Same dialect rules as V1.

-- Repairs (MTTR, share repaired within 24 h): DOWN intervals that ended inside the period.
CREATE INDEX ix_state_interval_state_end ON device_state_interval (state, ended_at);

-- The project's devices in service during the period, without touching the rest of the table.
CREATE INDEX ix_device_project_service ON device (project_id, in_service_on, retired_on);
