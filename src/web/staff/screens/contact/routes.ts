/** The contact centre's pages (issue 7): incoming calls and the outbound verification queue. */
import type { FastifyInstance } from "fastify";
import type { ScreenDeps } from "../../../screens/types.ts";
import { contactCallScreens } from "./call-routes.ts";
import { contactQueueScreens } from "./queue-routes.ts";

export function staffContactScreens(deps: ScreenDeps) {
  return async function staffContact(app: FastifyInstance): Promise<void> {
    await app.register(contactCallScreens(deps));
    await app.register(contactQueueScreens(deps));
  };
}
