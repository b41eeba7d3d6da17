/** The English catalogue, assembled from its sections (each typed against the Italian one). */
import type { Catalogue } from "../it/index.ts";
import { account } from "./account.ts";
import { activity } from "./activity.ts";
import { claim } from "./claim.ts";
import { common } from "./common.ts";
import { dev } from "./dev.ts";
import { documents } from "./documents.ts";
import { errors } from "./errors.ts";
import { fields } from "./fields.ts";
import { info } from "./info.ts";
import { messages } from "./messages.ts";
import { requests } from "./requests.ts";
import { staff } from "./staff.ts";
import { staffContact } from "./staff-contact.ts";
import { appointments } from "./appointments.ts";
// Issue 7, areas review and supervisor.
import { staffReview } from "./staff-review.ts";
import { staffDesk } from "./staff-desk.ts";

export const en: Catalogue = {
  ...common,
  ...claim,
  ...account,
  ...activity,
  ...dev,
  ...errors,
  ...fields,
  ...messages,
  ...documents,
  ...info,
  ...requests,
  ...staff,
  // Contact centre (issue 7).
  ...staffContact,
  // Desk appointments (issue 7, appointments).
  ...appointments,
  ...staffReview,
  // The office desk (issue 7, desk).
  ...staffDesk,
};
