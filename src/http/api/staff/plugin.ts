/**
 * /api/v1/staff: the back office's JSON API (contact-centre telephony and CRM integrate through
 * it), behind the staff session cookie. Every route declares its roles (`config.staff`); the
 * guard refuses the others (journey-guard.ts, staff-guard.ts). Each area registers its routes
 * here.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import { staffAuthRoutes } from "./auth.ts";
import { staffRecordRoutes } from "./records.ts";
import { staffContactRoutes } from "./contact.ts";
import { staffCalendarRoutes } from "./calendar.ts";
// Issue 7, areas review and supervisor.
import { staffReviewRoutes } from "./review.ts";
import { staffSupervisorRoutes } from "./supervisor.ts";
import { staffDeskRoutes } from "./desk.ts";
import { staffOutboxRoutes } from "./outbox.ts";

export function staffApiPlugin(ctx: AppContext) {
  return async function staffApi(app: FastifyInstance): Promise<void> {
    await app.register(staffAuthRoutes(ctx));
    await app.register(staffRecordRoutes(ctx));
    // Contact centre (issue 7).
    await app.register(staffContactRoutes(ctx));
    // Desk appointments (issue 7, appointments).
    await app.register(staffCalendarRoutes(ctx));
    // Issue 7, areas review and supervisor.
    await app.register(staffReviewRoutes(ctx));
    await app.register(staffSupervisorRoutes(ctx));
    // The office desk (issue 7, desk).
    await app.register(staffDeskRoutes(ctx));
    // Abandoned outbox messages (issue 8).
    await app.register(staffOutboxRoutes(ctx));
  };
}
