/**
 * The back office's pages (/operatori/…): registered inside the web plugin (forms, CSRF,
 * error pages), each screen declaring its staff roles. Each area adds its screens here.
 */
import type { FastifyInstance } from "fastify";
import type { ScreenDeps } from "../screens/types.ts";
import { staffCodesScreens } from "./screens/codes/routes.ts";
import { staffEnrolmentScreens } from "./screens/enrolment/routes.ts";
import { staffHomeScreens } from "./screens/home/routes.ts";
import { staffLoginScreens } from "./screens/login/routes.ts";
import { staffContactScreens } from "./screens/contact/routes.ts";
import { staffCalendarScreens } from "./screens/calendar/routes.ts";
// Issue 7, areas review and supervisor.
import { staffReviewScreens } from "./screens/review/routes.ts";
import { staffSupervisorScreens } from "./screens/supervisor/routes.ts";
import { staffMessagesScreens } from "./screens/supervisor/messages-routes.ts";
import { deskConversionScreens } from "./screens/desk/conversion.ts";
import { deskDelegationScreens } from "./screens/desk/delegations.ts";
import { deskMv35Screens } from "./screens/desk/mv35.ts";

export function staffScreens(deps: ScreenDeps) {
  return async function staffPages(app: FastifyInstance): Promise<void> {
    await app.register(staffLoginScreens(deps));
    await app.register(staffEnrolmentScreens(deps));
    await app.register(staffHomeScreens(deps));
    await app.register(staffCodesScreens(deps));
    // Contact centre (issue 7).
    await app.register(staffContactScreens(deps));
    // Desk appointments (issue 7, appointments).
    await app.register(staffCalendarScreens(deps));
    // Issue 7, areas review and supervisor.
    await app.register(staffReviewScreens(deps));
    await app.register(staffSupervisorScreens(deps));
    // Abandoned outbox messages (issue 8).
    await app.register(staffMessagesScreens(deps));
    // The office desk (issue 7, desk).
    await app.register(deskMv35Screens(deps));
    await app.register(deskConversionScreens(deps));
    await app.register(deskDelegationScreens(deps));
  };
}
