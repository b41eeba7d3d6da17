-- "The letter never arrived": an initial PIN's first half is also kept as its own argon2id
-- hash, so whoever holds it (the SMS or e-mail) can ask for both halves afresh once the
-- letter is overdue. Older initial PINs have none and cannot be resent this way.
ALTER TABLE credential ADD COLUMN first_half_hash text;

-- Every letter resend, for the limit (3 per 90 days per person).
CREATE TABLE letter_resend (
  fiscal_code   text NOT NULL,
  credential_id uuid NOT NULL,
  at            timestamptz NOT NULL
);
CREATE INDEX letter_resend_person ON letter_resend (fiscal_code, at);
