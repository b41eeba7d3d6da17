-- The answer of a PIN change, kept for two minutes for a retry of the same request whose answer
-- was lost (a double click, a dropped connection): sealed with a key derived from the request's
-- own session token, which the service never stores, so only that browser can open it; the
-- retry is shown the same PIN and given the same new session, never a different PIN.
CREATE TABLE pin_handover (
  old_id_hash   text PRIMARY KEY,
  fiscal_code   text NOT NULL,
  credential_id uuid NOT NULL,
  sealed        text NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX pin_handover_expiry ON pin_handover (expires_at);

-- The audit trail cannot be truncated, and its head never moves back (a cut tail with a
-- rewound head would otherwise verify).
CREATE FUNCTION audit_event_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate();

CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.seq < OLD.seq OR NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'audit_head only moves forward';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate();
