-- Version 7: an administrator's retry starts a failed delivery's count of dead letters afresh
-- (the earlier ones stay in delivery_failure, as history).
ALTER TABLE delivery ADD COLUMN failures_since TIMESTAMPTZ;
