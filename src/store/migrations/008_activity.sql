-- The holder's own view (activity, sessions and devices, export): sessions and known devices
-- get a public id of their own, so one can be listed and ended or forgotten without the
-- session's hash or the device cookie's id ever leaving the service.
ALTER TABLE session ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX session_public_id ON session (public_id);
ALTER TABLE device ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX device_public_id ON device (public_id);
