-- When the PIN was last typed in a session after its login (re-authentication before a
-- sensitive change: contacts). Null: only at the login that opened it.
ALTER TABLE session ADD COLUMN pin_at timestamptz;

-- A contact change waiting for the code sent to the new contact: one per person and kind,
-- the code stored as a keyed hash, 10 minutes, 5 tries.
CREATE TABLE contact_change (
  fiscal_code text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('mobile', 'email', 'pec')),
  value       text NOT NULL,
  code_hash   text NOT NULL,
  tries       integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (fiscal_code, kind)
);
CREATE INDEX contact_change_expiry ON contact_change (expires_at);
