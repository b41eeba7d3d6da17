-- The office desk (issue 7): PINs issued in person (MV35), delegations with their documents.

-- A claim made at the desk hands the whole PIN over on paper: neither SMS nor e-mail.
ALTER TABLE claim DROP CONSTRAINT claim_delivery_check;
ALTER TABLE claim ADD CONSTRAINT claim_delivery_check
  CHECK (delivery IN ('sms', 'email') OR (channel = 'desk' AND delivery = 'in_person'));

-- The 16-character PIN printed at the desk, kept sealed (AES-256-GCM, a key derived from the
-- pepper, bound to the row, the clerk and the credential) for the one download of its PDF by
-- the clerk who issued it, a few minutes at most: the download or the expiry erases it. The
-- row stays a day so that a resubmitted form (same request key) is recognised, not re-issued.
CREATE TABLE desk_pin_handover (
  id            uuid PRIMARY KEY,
  staff_id      uuid NOT NULL REFERENCES staff_account (id),
  office_id     text NOT NULL,
  fiscal_code   text NOT NULL,
  credential_id uuid NOT NULL,
  request_key   text,
  sealed        text,
  expires_at    timestamptz NOT NULL,
  created_at    timestamptz NOT NULL,
  downloaded_at timestamptz
);
CREATE UNIQUE INDEX desk_pin_handover_request ON desk_pin_handover (staff_id, request_key)
  WHERE request_key IS NOT NULL;
CREATE INDEX desk_pin_handover_expiry ON desk_pin_handover (expires_at) WHERE sealed IS NOT NULL;

-- Delegations of the digital identity (forms AA08, AA09, AA10), registered at the desk only.
CREATE TABLE delegation (
  id                    uuid PRIMARY KEY,
  delegator_fiscal_code text NOT NULL,
  delegate_fiscal_code  text NOT NULL,
  form                  text NOT NULL CHECK (form IN ('AA08', 'AA09', 'AA10')),
  authority             text CHECK (authority IN ('parent', 'guardian', 'curator', 'support_administrator')),
  start_date            date NOT NULL,
  end_date              date NOT NULL,
  office_id             text NOT NULL,
  registered_by         uuid NOT NULL REFERENCES staff_account (id),
  registered_at         timestamptz NOT NULL,
  ended_at              timestamptz,
  ended_by              uuid REFERENCES staff_account (id),
  end_office_id         text,
  CHECK (end_date >= start_date),
  CHECK (delegator_fiscal_code <> delegate_fiscal_code),
  CHECK ((form = 'AA10') = (authority IS NOT NULL))
);
CREATE INDEX delegation_by_delegator ON delegation (delegator_fiscal_code, start_date);
CREATE INDEX delegation_by_delegate ON delegation (delegate_fiscal_code, start_date);

-- The documents a delegation's form requires, sealed like the conversion's (envelope
-- encryption, bound to id, delegation, role and type); their own table.
CREATE TABLE delegation_document (
  id            uuid PRIMARY KEY,
  delegation_id uuid NOT NULL REFERENCES delegation (id) ON DELETE CASCADE,
  role          text NOT NULL,
  media_type    text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size          integer NOT NULL,
  key_id        text NOT NULL,
  wrapped_key   bytea NOT NULL,
  body          bytea NOT NULL,
  created_at    timestamptz NOT NULL,
  UNIQUE (delegation_id, role)
);
