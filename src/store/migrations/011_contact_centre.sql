-- Contact centre (issue 7): identity checks of callers, the outbound verification queue's
-- leases and call attempts, inbound claims (channel 'contact_centre', already allowed).

-- A claim nobody answered on three working days is closed as unreachable.
ALTER TABLE claim DROP CONSTRAINT claim_status_check;
ALTER TABLE claim ADD CONSTRAINT claim_status_check
  CHECK (status IN ('issued', 'under_verification', 'rejected', 'superseded', 'unreachable'));

-- The outbound queue: a claim under verification is leased to one agent at a time (taken with
-- FOR UPDATE SKIP LOCKED, given back when the lease expires); a call without answer makes it
-- due again on the next working day; the agent's reason for a rejection is kept with it.
ALTER TABLE claim ADD COLUMN call_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE claim ADD COLUMN call_due_at timestamptz;
ALTER TABLE claim ADD COLUMN last_call_on date;
ALTER TABLE claim ADD COLUMN lease_staff_id uuid;
ALTER TABLE claim ADD COLUMN lease_until timestamptz;
ALTER TABLE claim ADD COLUMN decision_reason text;
ALTER TABLE claim ADD COLUMN decided_by uuid;

-- Identity checks of callers: the questions asked and whether every answer matched the
-- archive (never the answers). A passed check lets the agent who made it act for that fiscal
-- code until it expires; failed checks are counted per fiscal code.
CREATE TABLE identity_check (
  id          uuid PRIMARY KEY,
  staff_id    uuid NOT NULL REFERENCES staff_account (id),
  fiscal_code text NOT NULL,
  passed      boolean NOT NULL,
  questions   jsonb NOT NULL,
  reason_kind text NOT NULL,
  reason_ref  text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX identity_check_person ON identity_check (fiscal_code, created_at);
