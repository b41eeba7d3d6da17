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
import { staffDeskRoutes } from "./desk.ts";

export function staffApiPlugin(ctx: AppContext) {
  return async function staffApi(app: FastifyInstance): Promise<void> {
    await app.register(staffAuthRoutes(ctx));
    await app.register(staffRecordRoutes(ctx));
    // The office desk (issue 7, desk).
    await app.register(staffDeskRoutes(ctx));
  };
}
