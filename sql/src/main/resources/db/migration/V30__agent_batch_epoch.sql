-- Batch epochs (issue 12): every agent spool has a random id, its epoch, sent with each batch; exactly-once
-- ingest keys on (agent, epoch, seq), so a re-created spool (seq 1 again) or a second replica's embedded agent
-- is never taken for duplicates. Rows from before, and batches of agents older than epochs, carry the fixed
-- epoch 'legacy' and stay deduplicated on (agent, seq) among themselves, as before.
ALTER TABLE agent_batch ADD COLUMN epoch VARCHAR(36) NOT NULL DEFAULT 'legacy';

-- The foreign key on agent_id is served by the primary key's first column; MariaDB refuses to drop an index a
-- foreign key needs, so a plain index on agent_id takes over first.
CREATE INDEX ix_agent_batch_agent ON agent_batch (agent_id);
ALTER TABLE agent_batch DROP PRIMARY KEY;
ALTER TABLE agent_batch ADD PRIMARY KEY (agent_id, epoch, seq);

-- probe_agent.last_seq is now the highest seq applied in last_epoch, the epoch of the batch applied last.
ALTER TABLE probe_agent ADD COLUMN last_epoch VARCHAR(36);
UPDATE probe_agent SET last_epoch = 'legacy' WHERE last_seq > 0;
