-- Who issued an account's enrolment link (created it or last reset it): the staff member, or
-- NULL for the command line. The segregation of duties treats an account enrolled through a
-- link that a fax's registrar issued as the registrar's own (they held its link).
ALTER TABLE staff_account ADD COLUMN enrolment_issued_by uuid;
