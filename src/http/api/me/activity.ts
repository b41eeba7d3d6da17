/**
 * /api/v1/me/activity, /me/sessions, /me/devices and /me/export (flows/activity.ts,
 * flows/sessions-devices.ts, flows/export.ts): the holder's own view of what happened to their
 * PIN, where they are logged in, which browsers are known, and a copy of their data.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { activityPage, activityQuery, type ActivityItem } from "../../../flows/activity.ts";
import { activityText } from "../../../flows/activity-text.ts";
import { exportPersonalData } from "../../../flows/export.ts";
import { holderName } from "../../../flows/session.ts";
import * as sessions from "../../../flows/sessions-devices.ts";
import type { Lang } from "../../../i18n/index.ts";
import { renderExportPdf } from "../../../notifications/pdf.ts";
import type { AppContext } from "../../context.ts";
import { clearSessionCookie, readCookie } from "../../cookies.ts";
import { langOf } from "../../lang.ts";
import { citizenOf, sendDownload } from "../../request.ts";
import { guarded, json, problem } from "../docs.ts";

const tags = ["privacy"];
const str = { type: "string" };
const instant = { type: "string", format: "date-time" };
const nullableStr = { type: ["string", "null"] };
const device = {
  type: "object",
  properties: { browser: nullableStr, os: nullableStr, mobile: { type: "boolean" } },
};
const idParam = {
  type: "object",
  properties: { id: { type: "string", format: "uuid" } },
  required: ["id"],
};
const ended = { description: "Done" };

const schemas = {
  activity: {
    tags,
    summary: "The holder's activity, newest first",
    description:
      "Logins, failed attempts, locks, PIN and contact changes, recoveries, revocation and every staff access, read from the audit trail. Pages of `limit` (default 20, at most 100); `before` a sequence number gives the older page (`nextBefore`). The source address is given only as a country (`local` for private networks).",
    querystring: {
      type: "object",
      properties: {
        before: { type: "integer", minimum: 1 },
        limit: { type: "integer", minimum: 1, maximum: 100 },
      },
    },
    response: {
      200: json(
        {
          type: "object",
          properties: {
            events: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  seq: { type: "integer" },
                  at: instant,
                  type: str,
                  outcome: str,
                  by: { type: "string", enum: ["citizen", "anonymous", "staff", "system"] },
                  staffRole: nullableStr,
                  country: nullableStr,
                  device: { oneOf: [device, { type: "null" }] },
                  details: { type: "object" },
                  text: {
                    type: "object",
                    properties: { what: str, by: nullableStr, where: str, device: str },
                  },
                },
              },
            },
            nextBefore: { type: ["integer", "null"] },
          },
        },
        "A page of events",
      ),
      ...guarded,
      422: problem,
    },
  },
  sessions: {
    tags,
    summary: "Open sessions (the current one flagged) and known devices",
    response: { 200: json({ type: "object" }, "Sessions and devices"), ...guarded },
  },
  endSession: {
    tags,
    summary: "End one of the holder's sessions (the current one: log out)",
    params: idParam,
    response: { 204: ended, ...guarded, 404: problem },
  },
  forgetDevice: {
    tags,
    summary: "Forget a known device: its device cookie no longer counts as known",
    params: idParam,
    response: { 204: ended, ...guarded, 404: problem },
  },
  exportJson: {
    tags,
    summary: "Everything held about the holder (GDPR Art. 15), as JSON",
    response: { 200: json({ type: "object" }, "The export, by section"), ...guarded },
  },
  exportPdf: {
    tags,
    summary: "Everything held about the holder (GDPR Art. 15), as a tagged PDF",
    response: {
      200: { description: "PDF", content: { "application/pdf": { schema: { type: "string" } } } },
      ...guarded,
    },
  },
};

export function activityJson(lang: Lang, a: ActivityItem) {
  return { ...a, at: a.at.toISOString(), text: activityText(lang, a) };
}

/** The export as JSON text and as PDF, shared by the API and the page's downloads. */
export async function exportFor(
  ctx: AppContext,
  req: FastifyRequest,
  format: "json" | "pdf",
  lang: Lang,
): Promise<{ body: string | Buffer; type: string; filename: string }> {
  const c = await citizenOf(ctx, req);
  const data = await exportPersonalData(ctx, {
    ...c,
    deviceCookie: readCookie(ctx, req, "device"),
    format,
  });
  if (format === "json")
    return {
      body: JSON.stringify(data, null, 2),
      type: "application/json; charset=utf-8",
      filename: "inps-pin-dati.json",
    };
  const pdf = await renderExportPdf({
    lang,
    holderName: holderName(c.session),
    fiscalCode: c.session.fiscalCode,
    data,
  });
  return { body: pdf, type: "application/pdf", filename: "inps-pin-dati.pdf" };
}

export function activityRoutes(ctx: AppContext) {
  const personal = { journey: "personal" } as const;
  const apiLang = (req: FastifyRequest) => langOf(req, { acceptLanguage: true });
  return async function activityResource(app: FastifyInstance): Promise<void> {
    app.get("/me/activity", { schema: schemas.activity, config: personal }, async (req) => {
      const page = activityQuery(req.query);
      const { session } = await citizenOf(ctx, req);
      const result = await activityPage(ctx, session, page);
      const lang = apiLang(req);
      return {
        events: result.items.map((a) => activityJson(lang, a)),
        nextBefore: result.nextBefore,
      };
    });

    app.get("/me/sessions", { schema: schemas.sessions, config: personal }, async (req) => {
      const { session } = await citizenOf(ctx, req);
      const v = await sessions.sessionsAndDevices(ctx, {
        session,
        deviceCookie: readCookie(ctx, req, "device"),
      });
      const at = <T extends { createdAt: Date }>(x: T) => ({
        ...x,
        createdAt: x.createdAt.toISOString(),
      });
      return {
        sessions: v.sessions.map((s) => ({ ...at(s), lastSeenAt: s.lastSeenAt.toISOString() })),
        devices: v.devices.map((d) => ({ ...at(d), lastUsedAt: d.lastUsedAt.toISOString() })),
      };
    });

    app.delete(
      "/me/sessions/:id",
      { schema: schemas.endSession, config: personal },
      async (req, reply) => {
        const c = await citizenOf(ctx, req);
        const { current } = await sessions.endSession(ctx, {
          ...c,
          id: (req.params as { id?: unknown }).id,
        });
        if (current) clearSessionCookie(ctx, reply);
        return reply.code(204).send();
      },
    );

    app.delete(
      "/me/devices/:id",
      { schema: schemas.forgetDevice, config: personal },
      async (req, reply) => {
        const c = await citizenOf(ctx, req);
        await sessions.forgetDevice(ctx, { ...c, id: (req.params as { id?: unknown }).id });
        return reply.code(204).send();
      },
    );

    // No automatic HEAD: it would build (and audit) a whole export to answer it.
    const download = { config: personal, exposeHeadRoute: false };
    app.get("/me/export", { schema: schemas.exportJson, ...download }, async (req, reply) => {
      const e = await exportFor(ctx, req, "json", apiLang(req));
      return sendDownload(reply, e.type, e.body, e.filename);
    });

    app.get("/me/export.pdf", { schema: schemas.exportPdf, ...download }, async (req, reply) => {
      const e = await exportFor(ctx, req, "pdf", apiLang(req));
      return sendDownload(reply, e.type, e.body, e.filename);
    });
  };
}
