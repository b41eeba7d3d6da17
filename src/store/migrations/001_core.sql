-- The archive of insured persons (read-only for the PIN flows; loaded by seed-demo or import).
CREATE TABLE archive_person (
  fiscal_code        text PRIMARY KEY,
  surname            text NOT NULL,
  given_names        text NOT NULL,
  sex                char(1) NOT NULL CHECK (sex IN ('M', 'F')),
  birth_date         date NOT NULL,
  birth_place_code   text NOT NULL,
  res_line1          text NOT NULL,
  res_line2          text,
  res_city           text NOT NULL,
  res_region         text,
  res_postal_code    text NOT NULL,
  res_country        char(2) NOT NULL,
  italian_id_on_file boolean NOT NULL DEFAULT false,
  health_card_number text,
  health_card_expiry date,
  mobile             text,
  email              text,
  pec                text,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE archive_contribution (
  id             serial PRIMARY KEY,
  fiscal_code    text NOT NULL REFERENCES archive_person (fiscal_code) ON DELETE CASCADE,
  period_from    date NOT NULL,
  period_to      date NOT NULL,
  employer       text NOT NULL,
  kind           text NOT NULL,
  weeks          integer NOT NULL,
  earnings_cents bigint NOT NULL
);
CREATE INDEX archive_contribution_person ON archive_contribution (fiscal_code, period_from);

CREATE TABLE archive_pension_payment (
  id          serial PRIMARY KEY,
  fiscal_code text NOT NULL REFERENCES archive_person (fiscal_code) ON DELETE CASCADE,
  month       char(7) NOT NULL,
  gross_cents bigint NOT NULL,
  tax_cents   bigint NOT NULL,
  net_cents   bigint NOT NULL,
  category    text NOT NULL
);
CREATE INDEX archive_pension_payment_person ON archive_pension_payment (fiscal_code, month);

-- A PIN holder: the contacts registered with the PIN (used for delivery and recovery).
CREATE TABLE account (
  fiscal_code text PRIMARY KEY,
  mobile      text,
  email       text,
  pec         text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- Every PIN ever issued; at most one active per fiscal code. Only argon2id hashes.
CREATE TABLE credential (
  id          uuid PRIMARY KEY,
  fiscal_code text NOT NULL REFERENCES account (fiscal_code),
  kind        text NOT NULL CHECK (kind IN ('initial', 'operating')),
  level       text NOT NULL CHECK (level IN ('ordinary', 'dispositive')),
  pin_hash    text NOT NULL,
  status      text NOT NULL CHECK (status IN ('active', 'consumed', 'superseded', 'revoked')),
  set_at      timestamptz NOT NULL,
  ended_at    timestamptz,
  claim_id    uuid
);
CREATE UNIQUE INDEX credential_one_active ON credential (fiscal_code) WHERE status = 'active';

-- Requests for a new PIN, from any channel. `declared` keeps what the citizen typed;
-- `reasons` what the automatic checks found (for operators only).
CREATE TABLE claim (
  id            uuid PRIMARY KEY,
  fiscal_code   text NOT NULL,
  channel       text NOT NULL CHECK (channel IN ('online', 'contact_centre', 'desk')),
  status        text NOT NULL CHECK (status IN ('issued', 'under_verification', 'rejected')),
  declared      jsonb NOT NULL,
  reasons       jsonb NOT NULL DEFAULT '[]',
  delivery      text NOT NULL CHECK (delivery IN ('sms', 'email')),
  lang          text NOT NULL DEFAULT 'it',
  created_at    timestamptz NOT NULL,
  decided_at    timestamptz
);
CREATE UNIQUE INDEX claim_one_pending ON claim (fiscal_code) WHERE status = 'under_verification';
CREATE INDEX claim_queue ON claim (created_at) WHERE status = 'under_verification';

-- Lockout counters, keyed by a keyed hash of the fiscal code so that counters exist for
-- codes that are not in the archive too, without storing what strangers typed.
CREATE TABLE login_throttle (
  key          text PRIMARY KEY,
  failures     integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at   timestamptz NOT NULL
);

-- Server-side sessions; the cookie carries a random token, the table its SHA-256. What every
-- request needs (the PIN's kind and date, the person's name) is copied in, so checking a
-- session is one primary-key read; ending a credential deletes its sessions.
CREATE TABLE session (
  id_hash          text PRIMARY KEY,
  fiscal_code      text NOT NULL,
  credential_id    uuid NOT NULL REFERENCES credential (id),
  state            text NOT NULL CHECK (state IN ('pin_change_required', 'renewal_required', 'authenticated')),
  level            text NOT NULL,
  created_at       timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  absolute_expiry  timestamptz NOT NULL,
  pin_card_until   timestamptz,
  user_agent       text,
  credential_kind  text NOT NULL,
  credential_set_at timestamptz NOT NULL,
  surname          text,
  given_names      text
);
CREATE INDEX session_credential ON session (credential_id);
CREATE INDEX session_expiry ON session (absolute_expiry);

-- Transactional outbox: written in the same transaction as the change that causes it.
CREATE TABLE outbox (
  id              uuid PRIMARY KEY,
  kind            text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('sms', 'email', 'pec', 'letter')),
  recipient       text NOT NULL,
  payload         jsonb NOT NULL,
  secret          text,
  status          text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'abandoned')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  provider_ref    text
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('queued', 'failed', 'sending');
