-- A person's PINs and claims, read by fiscal code (the data export, the activity): the only
-- indexes on these columns were partial (the active PIN, the pending claims).
CREATE INDEX credential_by_person ON credential (fiscal_code, set_at);
CREATE INDEX claim_by_person ON claim (fiscal_code, created_at);
