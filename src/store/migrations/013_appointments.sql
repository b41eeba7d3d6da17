-- Desk appointments (issue 7): booked by anyone, without credentials. A slot of an office holds
-- at most `desks` appointments: each booking takes one desk of its slot, and the partial unique
-- index below refuses a second live appointment on the same (office, start, desk) whatever the
-- concurrency (a cancelled one frees its desk). The booking code is stored only as a keyed
-- hash; `day` is the slot's Rome date (the calendar and the reminder read by it).
CREATE TABLE appointment (
  id             uuid PRIMARY KEY,
  code_hash      text NOT NULL UNIQUE,
  office_id      text NOT NULL,
  start_at       timestamptz NOT NULL,
  day            text NOT NULL CHECK (day ~ '^\d{4}-\d{2}-\d{2}$'),
  desk           integer NOT NULL CHECK (desk >= 1),
  purpose        text NOT NULL CHECK (purpose IN ('mv35', 'conversion', 'delegation', 'other')),
  name           text NOT NULL,
  fiscal_code    text,
  channel        text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient      text NOT NULL,
  lang           text NOT NULL,
  status         text NOT NULL CHECK (status IN ('booked', 'cancelled', 'attended', 'no_show')),
  created_at     timestamptz NOT NULL,
  cancelled_at   timestamptz,
  reminded_at    timestamptz,
  attendance_at  timestamptz,
  attendance_by  uuid
);
CREATE UNIQUE INDEX appointment_one_per_desk ON appointment (office_id, start_at, desk)
  WHERE status <> 'cancelled';
CREATE INDEX appointment_office_day ON appointment (office_id, day);
CREATE INDEX appointment_person ON appointment (fiscal_code) WHERE fiscal_code IS NOT NULL;
CREATE INDEX appointment_start ON appointment (start_at);
CREATE INDEX appointment_to_remind ON appointment (day) WHERE status = 'booked' AND reminded_at IS NULL;
