/** What every screen plugin receives from the web plugin. */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import type { AppContext } from "../../http/context.ts";
import type { JourneyRoutes } from "../../http/journey-guard.ts";

export interface ScreenDeps {
  ctx: AppContext;
  /** The registered routes, to check a continuation ("next") against. */
  routes: JourneyRoutes;
  /** The CSRF check every form post runs first (preHandler). */
  csrfCheck: (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;
}
