-- Letters for the print vendor (issue 8): a daily batch of PDFs and a manifest dropped over
-- SFTP or into a folder. A letter belongs to at most one batch, ever; its sealed second half
-- is kept until the vendor's acknowledgement says it was printed.
CREATE TABLE letter_batch (
  id              uuid PRIMARY KEY,
  -- The Europe/Rome calendar day the batch was started.
  rome_date       date NOT NULL,
  status          text NOT NULL CHECK (status IN ('building', 'uploaded', 'acknowledged')),
  created_at      timestamptz NOT NULL,
  -- The process uploading the batch holds it until lease_until (a dead one's lease runs out).
  lease_owner     uuid,
  lease_until     timestamptz,
  uploaded_at     timestamptz,
  acknowledged_at timestamptz,
  letters         integer NOT NULL DEFAULT 0,
  pages           integer NOT NULL DEFAULT 0
);
CREATE INDEX letter_batch_open ON letter_batch (created_at) WHERE status <> 'acknowledged';

ALTER TABLE outbox ADD COLUMN letter_batch_id uuid REFERENCES letter_batch (id);
-- When the print vendor acknowledged the letter as printed (its secret is erased then).
ALTER TABLE outbox ADD COLUMN letter_printed_at timestamptz;
CREATE INDEX outbox_letter_batch ON outbox (letter_batch_id) WHERE letter_batch_id IS NOT NULL;
CREATE INDEX outbox_letters_waiting ON outbox (created_at)
  WHERE channel = 'letter' AND letter_batch_id IS NULL AND status IN ('queued', 'failed');

-- The scheduled batch of each Rome day: the first process to insert the day's row runs it.
CREATE TABLE letter_batch_run (
  run_date   date PRIMARY KEY,
  started_at timestamptz NOT NULL
);
