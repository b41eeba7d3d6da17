-- Abandoned messages wait for a supervisor (resend) with their sealed secret kept until the
-- retention scrub: when each was abandoned, and an index for the supervisors' list and the
-- alert gauge.
ALTER TABLE outbox ADD COLUMN abandoned_at timestamptz;
CREATE INDEX outbox_abandoned ON outbox (abandoned_at) WHERE status = 'abandoned' AND scrubbed_at IS NULL;
