-- The agent's clock skew (issue 9): its clock minus the backend's when its last heartbeat arrived, in
-- milliseconds (positive: the agent is ahead). NULL while unknown: agents older than the heartbeat's
-- sentAt field do not report their clock.
ALTER TABLE probe_agent ADD COLUMN clock_skew_ms BIGINT;
