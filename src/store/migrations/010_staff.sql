-- Staff accounts (issue 7): username + argon2id password + mandatory TOTP. The TOTP secret is
-- sealed (AES-GCM under a key derived from the pepper, bound to the account id) because the
-- service must read it to check a code; recovery codes and enrolment tokens are stored only
-- as keyed hashes. An account is usable once its enrolment is confirmed with a first code.
CREATE TABLE staff_account (
  id                    uuid PRIMARY KEY,
  username              text NOT NULL,
  role                  text NOT NULL CHECK (role IN ('contact_centre_agent', 'office_clerk', 'back_office_reviewer', 'supervisor')),
  office_id             text,
  status                text NOT NULL CHECK (status IN ('enrolling', 'active', 'disabled')),
  password_hash         text,
  totp_sealed           text,
  totp_last_step        bigint,
  enrolment_hash        text,
  enrolment_expires_at  timestamptz,
  enrolment_started_at  timestamptz,
  failures              integer NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  last_login_at         timestamptz,
  CHECK (role <> 'office_clerk' OR office_id IS NOT NULL)
);
CREATE UNIQUE INDEX staff_account_username ON staff_account (lower(username));
CREATE UNIQUE INDEX staff_account_enrolment ON staff_account (enrolment_hash) WHERE enrolment_hash IS NOT NULL;

CREATE TABLE staff_recovery_code (
  staff_id   uuid NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  code_hash  text NOT NULL,
  used_at    timestamptz,
  PRIMARY KEY (staff_id, code_hash)
);

-- Staff sessions: their own table and cookie, idle 15 minutes, absolute 10 hours.
CREATE TABLE staff_session (
  id_hash         text PRIMARY KEY,
  staff_id        uuid NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL,
  last_seen_at    timestamptz NOT NULL,
  absolute_expiry timestamptz NOT NULL,
  user_agent      text
);
CREATE INDEX staff_session_staff ON staff_session (staff_id);
CREATE INDEX staff_session_expiry ON staff_session (absolute_expiry);
