-- Project scoping of the audit log (issue 2: a user limited to some projects sees only their own).
-- Each entry about something that belongs to a project (a device, an evaluation, the project itself,
-- a maintenance window on a device) names that project; entries about the installation as a whole
-- (users, agents, channels, imports across projects) have none and are shown to all-projects users
-- only. The column is a filter, not part of the hash chain: it is derived from the entry's entity.
ALTER TABLE audit_log ADD COLUMN project_id BIGINT;
CREATE INDEX ix_audit_project ON audit_log (project_id, id);

-- Entries written before this migration: tag what can still be traced to a project.
UPDATE audit_log SET project_id = (SELECT d.project_id FROM device d WHERE CONCAT(d.id, '') = audit_log.entity_id)
 WHERE entity_type = 'Device';
UPDATE audit_log SET project_id = (SELECT e.project_id FROM evaluation e WHERE CONCAT(e.id, '') = audit_log.entity_id)
 WHERE entity_type = 'Evaluation';
UPDATE audit_log SET project_id = (SELECT p.id FROM project p WHERE CONCAT(p.id, '') = audit_log.entity_id)
 WHERE entity_type = 'Project';
