-- The agent's clock skew (issue 9): its clock minus the backend's when its last heartbeat arrived, in
-- milliseconds (positive: the agent is ahead). NULL while unknown: agents older than the heartbeat's
-- sentAt field do not report their clock.
ALTER TABLE probe_agent ADD COLUMN clock_skew_ms BIGINT;

-- Results of a batch that ingest refused one by one (device not assigned to the agent, time or latency
-- out of bounds), so that the sequence accounting still adds up: applied = result_count - refused_count.
ALTER TABLE agent_batch ADD COLUMN refused_count INT NOT NULL DEFAULT 0;
