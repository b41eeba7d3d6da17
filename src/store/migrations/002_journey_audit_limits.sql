-- Second foundation: the journey's "new PIN on screen" state and continuation, claims that a
-- valid claim supersedes, lockout relief (known devices, consecutive failures across locks,
-- lock notices), named rate limits, the hash-chained audit trail, message scrubbing.

-- Sessions: a state while a new PIN is on screen, and the page to return to.
ALTER TABLE session DROP CONSTRAINT session_state_check;
ALTER TABLE session ADD CONSTRAINT session_state_check
  CHECK (state IN ('pin_change_required', 'renewal_required', 'pin_shown', 'authenticated'));
ALTER TABLE session ADD COLUMN return_to text;
CREATE INDEX session_last_seen ON session (last_seen_at);
CREATE INDEX session_person ON session (fiscal_code);

-- Claims: several failed claims may wait for one fiscal code (a stranger's junk claim must
-- not block the real person); a claim that passes every check closes them.
DROP INDEX claim_one_pending;
CREATE INDEX claim_pending_person ON claim (fiscal_code) WHERE status = 'under_verification';
ALTER TABLE claim DROP CONSTRAINT claim_status_check;
ALTER TABLE claim ADD CONSTRAINT claim_status_check
  CHECK (status IN ('issued', 'under_verification', 'rejected', 'superseded'));
ALTER TABLE claim ADD COLUMN closed_reason text;
ALTER TABLE claim ADD COLUMN superseded_by uuid;

-- The holder's language (from the claim), for the messages sent to them later.
ALTER TABLE account ADD COLUMN lang text NOT NULL DEFAULT 'it';

-- Lockout: consecutive failures across locks, the verdict of the last attempt, the last
-- time the holder was told of a lock.
ALTER TABLE login_throttle ADD COLUMN streak integer NOT NULL DEFAULT 0;
ALTER TABLE login_throttle ADD COLUMN last_verdict text NOT NULL DEFAULT 'attempt';
ALTER TABLE login_throttle ADD COLUMN lock_notified_at timestamptz;
CREATE INDEX login_throttle_updated ON login_throttle (updated_at);

-- Browsers in which a holder logged in (OWASP device cookies). The cookie carries the id and
-- a keyed signature binding it to the holder; the row lets a device be listed or forgotten.
CREATE TABLE device (
  id           uuid PRIMARY KEY,
  subject_key  text NOT NULL,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL,
  user_agent   text
);
CREATE INDEX device_subject ON device (subject_key);

-- Named rate limits: hits per key (a keyed hash) in a fixed window.
CREATE TABLE rate_limit (
  name         text NOT NULL,
  key          text NOT NULL,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL,
  PRIMARY KEY (name, key)
);
CREATE INDEX rate_limit_window ON rate_limit (window_start);

-- The audit trail: append-only, hash-chained. audit_head holds the last sequence number and
-- hash; appending locks it (FOR UPDATE), so several instances append one after the other.
CREATE TABLE audit_event (
  seq          bigint PRIMARY KEY,
  id           uuid NOT NULL UNIQUE,
  at           timestamptz NOT NULL,
  type         text NOT NULL,
  outcome      text NOT NULL,
  actor_kind   text NOT NULL,
  actor_id     text,
  actor_role   text,
  subject_key  text,
  subject_hint text,
  source_ip    text,
  user_agent   text,
  request_id   text,
  details      jsonb NOT NULL,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_event_subject ON audit_event (subject_key, seq) WHERE subject_key IS NOT NULL;
CREATE INDEX audit_event_type_at ON audit_event (type, at);

CREATE TABLE audit_head (
  id   integer PRIMARY KEY CHECK (id = 1),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- Append-only by construction: the service never updates or deletes an event. (Someone with
-- DDL rights can drop this trigger; the hash chain is what catches them.)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- Outbox retention: delivered messages' personal data is scrubbed after a while.
ALTER TABLE outbox ADD COLUMN scrubbed_at timestamptz;
CREATE INDEX outbox_retention ON outbox (sent_at) WHERE scrubbed_at IS NULL AND status IN ('sent', 'abandoned');
