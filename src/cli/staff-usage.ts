/** The usage lines of `inps-pin staff` (kept apart so the usage needs no flows loaded). */
export const STAFF_USAGE = `  staff add --username U --role R [--office O]
                        create a staff account and print its one-time enrolment link
                        (roles: contact_centre_agent, office_clerk (--office required),
                        back_office_reviewer, supervisor)
  staff list            staff accounts, their role, office and status
  staff disable U | enable U | reset U
                        disable (ends every session), enable, or issue a new enrolment link`;
