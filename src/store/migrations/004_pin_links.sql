-- Confirmation links of the anonymous self-service flows (recovery; revocation later): the
-- token travels only in the message; the table holds its keyed hash. A link is single use,
-- expires, and stops working when a newer link of the same purpose is issued for the person
-- or when something else cancels it (a revocation cancels pending recoveries).
CREATE TABLE pin_link (
  token_hash   text PRIMARY KEY,
  purpose      text NOT NULL CHECK (purpose IN ('recovery', 'revocation')),
  fiscal_code  text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX pin_link_pending ON pin_link (fiscal_code, purpose)
  WHERE used_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX pin_link_expiry ON pin_link (expires_at);
