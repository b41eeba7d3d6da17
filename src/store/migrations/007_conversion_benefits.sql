-- Conversion to dispositive (issue 6 §5): a request with its signed form and identity
-- document. One open (submitted) request per person at a time.
CREATE TABLE conversion_request (
  id           uuid PRIMARY KEY,
  reference    text NOT NULL UNIQUE,
  fiscal_code  text NOT NULL REFERENCES account (fiscal_code),
  -- cancelled: closed by the service (the PIN was revoked while the request was open).
  status       text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'cancelled')),
  reason       text,
  submitted_at timestamptz NOT NULL,
  decided_at   timestamptz,
  decided_by   text,
  documents_deleted_at timestamptz
);
CREATE UNIQUE INDEX conversion_one_open ON conversion_request (fiscal_code) WHERE status = 'submitted';
CREATE INDEX conversion_by_person ON conversion_request (fiscal_code, submitted_at);
CREATE INDEX conversion_decided ON conversion_request (decided_at) WHERE documents_deleted_at IS NULL;

-- Uploaded documents, sealed (envelope encryption: the body under a per-document key, that
-- key wrapped under the configured key `key_id`; both bound to the id, request, role and
-- type). Never served back to the citizen. The name the file was sent with is not kept.
CREATE TABLE document (
  id          uuid PRIMARY KEY,
  request_id  uuid NOT NULL REFERENCES conversion_request (id),
  role        text NOT NULL CHECK (role IN ('signed_form', 'identity_document')),
  media_type  text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size        integer NOT NULL,
  key_id      text NOT NULL,
  wrapped_key bytea NOT NULL,
  body        bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (request_id, role)
);

-- Benefit claims (issue 6 §6): the protocol number is unique per year; a claim filed with an
-- ordinary PIN waits for the conversion, keeping its filing time.
CREATE TABLE protocol_counter (
  year integer PRIMARY KEY,
  last integer NOT NULL
);
CREATE TABLE benefit_claim (
  id           uuid PRIMARY KEY,
  protocol     text NOT NULL UNIQUE,
  fiscal_code  text NOT NULL REFERENCES account (fiscal_code),
  benefit_type text NOT NULL,
  fields       jsonb NOT NULL,
  status       text NOT NULL CHECK (status IN ('waiting_for_dispositive', 'in_processing')),
  filed_at     timestamptz NOT NULL,
  released_at  timestamptz,
  lang         text NOT NULL,
  -- The client's key for this filing (a form's submission id, an Idempotency-Key): the same
  -- filing sent twice (a double click, a retry) is one claim.
  client_key   text
);
CREATE INDEX benefit_claim_by_person ON benefit_claim (fiscal_code, filed_at);
CREATE UNIQUE INDEX benefit_claim_client_key ON benefit_claim (fiscal_code, client_key)
  WHERE client_key IS NOT NULL;
