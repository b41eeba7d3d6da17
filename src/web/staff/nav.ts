/**
 * The back office's functions as the desk page lists them, each with the roles that may use it
 * (the routes declare the same roles; the guard is what enforces them). Each area adds its own.
 */
import type { StaffRole } from "../../domain/staff.ts";
import type { MessageKey } from "../../i18n/index.ts";

export interface StaffNavItem {
  href: string;
  label: MessageKey;
  roles: readonly StaffRole[];
}

export const STAFF_NAV: readonly StaffNavItem[] = [
  {
    href: "/operatori/codici-recupero",
    label: "staff.codes.title",
    roles: ["contact_centre_agent", "office_clerk", "back_office_reviewer", "supervisor"],
  },
  // The office desk (issue 7, desk).
  { href: "/operatori/sportello/mv35", label: "desk.mv35.nav", roles: ["office_clerk"] },
  {
    href: "/operatori/sportello/conversione",
    label: "desk.conversion.nav",
    roles: ["office_clerk"],
  },
  { href: "/operatori/sportello/deleghe", label: "desk.delegations.nav", roles: ["office_clerk"] },
];
