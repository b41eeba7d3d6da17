/**
 * /api/v1/me/contacts and /api/v1/me/reauthenticate (flows/contacts.ts): the holder's
 * contacts, changed with a code sent to the new one after the PIN was typed again.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import * as contacts from "../../../flows/contacts.ts";
import type { AppContext } from "../../context.ts";
import { readCookie } from "../../cookies.ts";
import { citizenOf } from "../../request.ts";
import { guarded, json, problem } from "../docs.ts";

const nullable = { type: ["string", "null"] };
const contactsBody = json(
  { type: "object", properties: { mobile: nullable, email: nullable, pec: nullable } },
  "The registered contacts",
);
const kind = { type: "string", enum: ["mobile", "email", "pec"] };
const tags = ["contacts"];

const schemas = {
  list: { tags, summary: "The registered contacts", response: { 200: contactsBody, ...guarded } },
  reauth: {
    tags,
    summary: "Type the PIN again (re-authentication, valid 5 minutes)",
    body: { type: "object", properties: { pin: { type: "string" } }, required: ["pin"] },
    response: {
      200: json(
        { type: "object", properties: { freshUntil: { type: "string", format: "date-time" } } },
        "The PIN counts as typed until then",
      ),
      ...guarded,
      422: problem,
      423: problem,
      429: problem,
    },
  },
  change: {
    tags,
    summary: "Ask to change a contact: a 6-digit code goes to the new one",
    description:
      "Needs the PIN typed within the last 5 minutes (POST /api/v1/me/reauthenticate), else 403 REAUTHENTICATION_REQUIRED. The code lasts 10 minutes and allows 5 tries.",
    body: {
      type: "object",
      properties: { kind, value: { type: "string" } },
      required: ["kind", "value"],
    },
    response: {
      202: json(
        {
          type: "object",
          properties: {
            status: { type: "string", enum: ["code_sent"] },
            kind,
            expiresAt: { type: "string", format: "date-time" },
          },
        },
        "Code sent",
      ),
      ...guarded,
      422: problem,
      429: problem,
    },
  },
  confirm: {
    tags,
    summary: "Confirm a contact change with its code; the old contact is told",
    body: {
      type: "object",
      properties: { kind, code: { type: "string", pattern: "^[0-9]{6}$" } },
      required: ["kind", "code"],
    },
    response: { 200: contactsBody, ...guarded, 422: problem },
  },
  remove: {
    tags,
    summary: "Remove a contact while another remains (PIN typed within 5 minutes)",
    response: { 200: contactsBody, ...guarded, 404: problem, 409: problem },
  },
};

export function contactRoutes(ctx: AppContext) {
  const personal = { journey: "personal" } as const;
  const citizen = (req: FastifyRequest) => citizenOf(ctx, req);
  return async function contactResource(app: FastifyInstance): Promise<void> {
    app.get("/me/contacts", { schema: schemas.list, config: personal }, async (req) => {
      const { session } = await citizen(req);
      return contacts.contactsOf(ctx, session);
    });
    app.post("/me/reauthenticate", { schema: schemas.reauth, config: personal }, async (req) => {
      const c = await citizen(req);
      const body = req.body as { pin?: unknown } | null;
      const r = await contacts.reauthenticate(ctx, {
        ...c,
        pin: body?.pin,
        deviceCookie: readCookie(ctx, req, "device"),
      });
      return { freshUntil: r.freshUntil.toISOString() };
    });
    app.post("/me/contacts", { schema: schemas.change, config: personal }, async (req, reply) => {
      const answer = await contacts.requestContactChange(ctx, {
        ...(await citizen(req)),
        body: req.body,
      });
      return reply.code(202).send(answer);
    });
    app.post("/me/contacts/confirm", { schema: schemas.confirm, config: personal }, async (req) =>
      contacts.confirmContactChange(ctx, { ...(await citizen(req)), body: req.body }),
    );
    app.delete("/me/contacts/:kind", { schema: schemas.remove, config: personal }, async (req) =>
      contacts.removeContact(ctx, {
        ...(await citizen(req)),
        kind: (req.params as { kind?: unknown }).kind,
      }),
    );
  };
}
