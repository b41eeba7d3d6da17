/**
 * The back office's functions as the desk page lists them, each with the roles that may use it
 * (the routes declare the same roles; the guard is what enforces them). Each area adds its own.
 */
import type { StaffRole } from "../../domain/staff.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { FAX_ROLES, REVIEW_ROLES, SUPERVISOR_ROLES } from "../../domain/review.ts";

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
  // Contact centre (issue 7).
  {
    href: "/operatori/contact-center/chiamata",
    label: "staffContact.nav.call",
    roles: ["contact_centre_agent", "supervisor"],
  },
  {
    href: "/operatori/contact-center/verifiche",
    label: "staffContact.nav.queue",
    roles: ["contact_centre_agent", "supervisor"],
  },
  // Desk appointments (issue 7, appointments).
  {
    href: "/operatori/calendario",
    label: "appointments.calendar.title",
    roles: ["office_clerk", "supervisor"],
  },
  // Issue 7, areas review and supervisor.
  { href: "/operatori/revisione", label: "staffReview.queueTitle", roles: REVIEW_ROLES },
  { href: "/operatori/fax", label: "staffReview.faxTitle", roles: FAX_ROLES },
  {
    href: "/operatori/supervisione/audit",
    label: "staffSupervision.auditTitle",
    roles: SUPERVISOR_ROLES,
  },
  {
    href: "/operatori/supervisione/personale",
    label: "staffSupervision.staffTitle",
    roles: SUPERVISOR_ROLES,
  },
  {
    href: "/operatori/supervisione/code",
    label: "staffSupervision.queuesTitle",
    roles: SUPERVISOR_ROLES,
  },
  // Abandoned outbox messages (issue 8).
  {
    href: "/operatori/supervisione/messaggi",
    label: "staffSupervision.messagesTitle",
    roles: SUPERVISOR_ROLES,
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
