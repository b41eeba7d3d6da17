/**
 * The supervisors' API (issue 7): audit search and export, staff accounts, queue figures
 * (flows/staff/supervisor-*.ts). Every reading is audited.
 */
import type { FastifyInstance } from "fastify";
import { SUPERVISOR_ROLES } from "../../../domain/review.ts";
import { STAFF_ROLES } from "../../../domain/staff.ts";
import {
  actOnAccount,
  createAccount,
  listAccounts,
  type AccountAction,
} from "../../../flows/staff/supervisor-accounts.ts";
import {
  auditCsv,
  parseAuditQuery,
  searchAuditTrail,
} from "../../../flows/staff/supervisor-audit.ts";
import { parseDays, queueFigures } from "../../../flows/staff/supervisor-queues.ts";
import { AppError } from "../../../domain/errors.ts";
import { romeDate } from "../../../domain/eligibility.ts";
import type { AppContext } from "../../context.ts";
import { sendDownload } from "../../request.ts";
import { staffOf } from "../../staff-request.ts";
import { guarded, json, problem } from "../docs.ts";

const tags = ["staff supervision"];
const config = { staff: SUPERVISOR_ROLES };
const date = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
const link = json(
  {
    type: "object",
    properties: {
      staffId: { type: "string" },
      username: { type: "string" },
      role: { type: "string" },
      enrolmentUrl: { type: "string", description: "One-time link, shown once" },
      expiresAt: { type: "string" },
    },
  },
  "The account and its one-time enrolment link",
);
const figures = {
  type: "object",
  properties: {
    waiting: { type: "integer" },
    oldestAt: { type: ["string", "null"] },
    handledPerDay: {
      type: "array",
      items: {
        type: "object",
        properties: { date: { type: "string" }, count: { type: "integer" } },
      },
    },
  },
};

function formatOf(v: unknown): "json" | "csv" | null {
  if (v === undefined || v === "") return null;
  if (v === "json" || v === "csv") return v;
  throw new AppError("VALIDATION_FAILED", {
    fields: [{ field: "format", code: "invalid_option" }],
  });
}

export function staffSupervisorRoutes(ctx: AppContext) {
  return async function staffSupervisor(app: FastifyInstance): Promise<void> {
    app.get(
      "/staff/audit",
      {
        config,
        schema: {
          tags,
          summary: "Search the audit trail; format=json|csv downloads an export (both audited)",
          querystring: {
            type: "object",
            properties: {
              fiscalCode: { type: "string" },
              staff: { type: "string", description: "A staff username" },
              type: { type: "string", example: "conversion.approved" },
              from: date,
              to: date,
              format: { type: "string", enum: ["json", "csv"] },
            },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: { events: { type: "array" }, truncated: { type: "boolean" } },
              },
              "Events, newest first (at most 200; exports at most 10,000)",
            ),
            ...guarded,
            422: problem,
          },
        },
      },
      async (req, reply) => {
        const { by } = await staffOf(ctx, req);
        const q = req.query as Record<string, unknown>;
        const format = formatOf(q.format);
        const query = parseAuditQuery(q, ctx.clock.now());
        const result = await searchAuditTrail(ctx, { by, query, format });
        if (format === null) return result;
        const name = `audit-${romeDate(ctx.clock.now())}.${format}`;
        return format === "csv"
          ? sendDownload(reply, "text/csv; charset=utf-8", auditCsv(result.events), name)
          : sendDownload(reply, "application/json", JSON.stringify(result, null, 2), name);
      },
    );
    app.get(
      "/staff/accounts",
      {
        config,
        schema: {
          tags,
          summary: "Staff accounts (audited)",
          response: { 200: json({ type: "object" }, "The accounts"), ...guarded },
        },
      },
      async (req) => {
        const { by } = await staffOf(ctx, req);
        return { accounts: await listAccounts(ctx, { by }) };
      },
    );
    app.post(
      "/staff/accounts",
      {
        config,
        schema: {
          tags,
          summary: "Create an account: answers its one-time enrolment link",
          body: {
            type: "object",
            required: ["username", "role"],
            properties: {
              username: { type: "string" },
              role: { type: "string", enum: [...STAFF_ROLES] },
              officeId: { type: "string", description: "Office clerks only" },
            },
          },
          response: { 201: link, ...guarded, 409: problem, 422: problem },
        },
      },
      async (req, reply) => {
        const { by } = await staffOf(ctx, req);
        return reply.code(201).send(await createAccount(ctx, { by, body: req.body }));
      },
    );
    for (const action of ["disable", "enable", "reset"] as const satisfies AccountAction[])
      app.post(
        `/staff/accounts/:staffId/${action}`,
        {
          config,
          schema: {
            tags,
            summary:
              action === "disable"
                ? "Disable an account: its sessions end at once"
                : action === "enable"
                  ? "Enable a disabled account"
                  : "Reset an account to a new one-time enrolment link",
            params: { type: "object", properties: { staffId: { type: "string" } } },
            response: {
              200: action === "reset" ? link : json({ type: "object" }, "The new status"),
              ...guarded,
              404: problem,
              409: problem,
            },
          },
        },
        async (req) => {
          const { by, member } = await staffOf(ctx, req);
          const { staffId } = req.params as { staffId: string };
          return actOnAccount(ctx, { by, member, staffId, action });
        },
      );
    app.get(
      "/staff/queues",
      {
        config,
        schema: {
          tags,
          summary: "Queue figures: waiting, oldest, handled per Rome day (audited)",
          querystring: {
            type: "object",
            properties: { days: { type: "integer", minimum: 1, maximum: 31, default: 7 } },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: { days: { type: "integer" }, verification: figures, review: figures },
              },
              "The figures",
            ),
            ...guarded,
            422: problem,
          },
        },
      },
      async (req) => {
        const { by } = await staffOf(ctx, req);
        const days = parseDays((req.query as { days?: unknown }).days);
        return queueFigures(ctx, { by, days });
      },
    );
  };
}
