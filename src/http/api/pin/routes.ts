/**
 * /api/v1/pin: first access, renewal, and the explicit replacement of a PIN just shown
 * (flows/operating-pin.ts). Each answers the new PIN once and moves the session to a new
 * token (the old cookie stops working).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../domain/errors.ts";
import { changePin, type PinChangeMode } from "../../../flows/operating-pin.ts";
import type { AppContext } from "../../context.ts";
import { setSessionCookie } from "../../cookies.ts";
import { actingOf, liveSessionOf, replayOf } from "../../request.ts";
import { guarded, json, problem } from "../docs.ts";

const newPin = json(
  {
    type: "object",
    properties: {
      pin: { type: "string", description: "The new 8-character PIN, shown only in this answer" },
      level: { type: "string" },
      setAt: { type: "string", format: "date-time" },
      expiresAt: { type: "string", format: "date-time" },
    },
  },
  "New operating PIN (and a new session cookie)",
);

const doc = (summary: string, description: string, body?: Record<string, unknown>) => ({
  tags: ["pin"],
  summary,
  description,
  ...(body === undefined ? {} : { body }),
  response: { 201: newPin, ...guarded, 409: problem, 415: problem, 422: problem },
});

/** The replacement must say, in so many words, that the PIN shown before stops working. */
function requireConfirmation(body: unknown): void {
  const confirmed =
    typeof body === "object" && body !== null && "confirm" in body && body.confirm === true;
  if (!confirmed) {
    throw new AppError("VALIDATION_FAILED", {
      fields: [{ field: "confirm", code: "confirm_replacement" }],
    });
  }
}

export function pinRoutes(ctx: AppContext) {
  const change =
    (mode: PinChangeMode) =>
    async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      if (mode === "replace") requireConfirmation(req.body);
      const result =
        replayOf(req) ??
        (await (async () => {
          const live = await liveSessionOf(ctx, req);
          return changePin(ctx, {
            by: await actingOf(ctx, req),
            session: live.session,
            token: live.token,
            state: live.state,
            mode,
          });
        })());
      setSessionCookie(ctx, reply, result.token);
      return reply.code(201).send({
        pin: result.pin,
        level: result.level,
        setAt: result.setAt.toISOString(),
        expiresAt: result.expiresAt.toISOString(),
      });
    };
  return async function pin(app: FastifyInstance): Promise<void> {
    app.post(
      "/pin/activate",
      {
        schema: doc(
          "First access: generate the 8-character PIN",
          "Once only: a repeat answers 409 PIN_ALREADY_SHOWN (use /pin/replace to get another).",
        ),
        config: { journey: "first_access", pinChangeReplay: true },
      },
      change("activate"),
    );
    app.post(
      "/pin/renew",
      {
        schema: doc(
          "Renewal of an expired PIN: generate a new 8-character PIN",
          "Once only: a repeat answers 409 PIN_ALREADY_SHOWN (use /pin/replace to get another).",
        ),
        config: { journey: "renewal", pinChangeReplay: true },
      },
      change("renew"),
    );
    app.post(
      "/pin/replace",
      {
        schema: doc(
          "Replace the PIN just shown (within 15 minutes of the change)",
          'For a PIN that was shown but not noted. The PIN shown before stops working: the body must confirm it with {"confirm": true}.',
          {
            type: "object",
            required: ["confirm"],
            properties: {
              confirm: {
                type: "boolean",
                const: true,
                description: "I understand the PIN shown before stops working",
              },
            },
          },
        ),
        config: { journey: "new_pin", pinChangeReplay: true },
      },
      change("replace"),
    );
  };
}
