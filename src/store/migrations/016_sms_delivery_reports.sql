-- SMS delivery reports (issue 8): the gateway's signed webhook marks an SMS delivered or failed
-- (expired and rejected count as failed; delivery_error keeps which, and the gateway's reason).
ALTER TABLE outbox ADD COLUMN delivery_status text CHECK (delivery_status IN ('delivered', 'failed'));
ALTER TABLE outbox ADD COLUMN delivery_reported_at timestamptz;
ALTER TABLE outbox ADD COLUMN delivery_error text;

-- Replay protection: each report's signature is accepted once. Reports are refused outside a
-- five-minute window around their timestamp, so housekeeping removes rows past it.
CREATE TABLE sms_report_signature (
  signature   text PRIMARY KEY,
  received_at timestamptz NOT NULL
);
CREATE INDEX sms_report_signature_received ON sms_report_signature (received_at);
