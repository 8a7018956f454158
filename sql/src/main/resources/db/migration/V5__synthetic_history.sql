-- Demo mode (XL_DEMO=true) backfills a deterministic synthetic history of states (docs/DEMO.md).
-- Synthetic intervals are marked so that they are never mistaken for measured ones.
ALTER TABLE device_state_interval ADD COLUMN synthetic BOOLEAN NOT NULL DEFAULT FALSE;
