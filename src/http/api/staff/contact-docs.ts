/** What the contact centre's routes share: their roles and their refusals (OpenAPI). */
import type { StaffRole } from "../../../domain/staff.ts";
import { problem } from "../docs.ts";

/** Who may use the contact centre's functions (API and pages). */
export const CONTACT_ROLES: readonly StaffRole[] = ["contact_centre_agent", "supervisor"];

export const CHECK_REFUSALS = {
  401: problem,
  403: problem,
  404: problem,
  409: problem,
  422: problem,
} as const;
