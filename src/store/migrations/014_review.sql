-- The review queue and fax intake (issue 7): conversion requests arrive online (the holder's
-- upload), by fax (a back-office operator registers the received pages) or at the desk.
-- `registered_by` is the member of staff who registered a fax: they may not decide it
-- (segregation of duties). A reviewer takes an item for a while (`assigned_to` until
-- `assigned_until`) so two reviewers do not work on the same request at once.
ALTER TABLE conversion_request
  ADD COLUMN channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'fax', 'desk')),
  ADD COLUMN registered_by uuid REFERENCES staff_account (id),
  ADD COLUMN reason_code text,
  ADD COLUMN assigned_to uuid REFERENCES staff_account (id),
  ADD COLUMN assigned_until timestamptz,
  ADD CONSTRAINT conversion_fax_registrar CHECK (channel <> 'fax' OR registered_by IS NOT NULL);
CREATE INDEX conversion_waiting ON conversion_request (submitted_at) WHERE status = 'submitted';
CREATE INDEX conversion_decided_at ON conversion_request (decided_at) WHERE decided_at IS NOT NULL;

-- A fax arrives as pages: each page is a document of role 'fax_pages' with its number (a TIFF
-- page is re-encoded as a PNG image; a PDF stays one document).
ALTER TABLE document DROP CONSTRAINT document_role_check;
ALTER TABLE document ADD CONSTRAINT document_role_check
  CHECK (role IN ('signed_form', 'identity_document', 'fax_pages'));
ALTER TABLE document ADD COLUMN page integer NOT NULL DEFAULT 0 CHECK (page >= 0);
ALTER TABLE document DROP CONSTRAINT document_request_id_role_key;
ALTER TABLE document ADD CONSTRAINT document_request_role_page UNIQUE (request_id, role, page);

-- The supervisors' audit search: by member of staff and by period.
CREATE INDEX audit_event_actor ON audit_event (actor_id, seq) WHERE actor_kind = 'staff';
CREATE INDEX audit_event_at ON audit_event (at);
