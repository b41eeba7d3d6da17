/**
 * Staff enrolment and login: POST /staff/enrolment {token, password} → the TOTP secret and
 * recovery codes (once); POST /staff/enrolment/confirm {token, code}; POST /staff/session
 * {username, password, totp}; DELETE /staff/session; GET /staff/me.
 */
import type { FastifyInstance } from "fastify";
import { replaceRecoveryCodes } from "../../../flows/staff/account-admin.ts";
import { confirmEnrolment, startEnrolment } from "../../../flows/staff/accounts.ts";
import { staffLogin, staffLogout } from "../../../flows/staff/auth.ts";
import type { AppContext } from "../../context.ts";
import { readCookie } from "../../cookies.ts";
import { anonymousOf } from "../../request.ts";
import { clearStaffCookie, setStaffCookie, staffOf, staffSessionOf } from "../../staff-request.ts";
import { STAFF_ROLES } from "../../../domain/staff.ts";
import { json, problem } from "../docs.ts";

const member = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    username: { type: "string" },
    role: { type: "string", enum: [...STAFF_ROLES] },
    officeId: { type: ["string", "null"] },
  },
};

const bodyOf = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function staffAuthRoutes(ctx: AppContext) {
  return async function staffAuth(app: FastifyInstance): Promise<void> {
    app.post(
      "/staff/enrolment",
      {
        config: { staff: "signed_out" },
        schema: {
          tags: ["staff"],
          summary: "Enrolment, step 1: choose the password; get the TOTP secret and recovery codes",
          description:
            "The token comes from the one-time enrolment link (`inps-pin staff add`, or a supervisor). The secret and the recovery codes are answered once: a second call with the same link answers 409 ENROLMENT_STARTED. Passwords: 12 to 128 characters, not containing the username.",
          body: {
            type: "object",
            required: ["token", "password"],
            properties: { token: { type: "string" }, password: { type: "string" } },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: {
                  totpSecret: { type: "string", description: "base32" },
                  otpauthUri: { type: "string" },
                  recoveryCodes: { type: "array", items: { type: "string" } },
                },
              },
              "The secret to add to the authenticator app (or scan otpauthUri as a QR code)",
            ),
            409: problem,
            410: problem,
            422: problem,
            429: problem,
          },
        },
      },
      async (req) => {
        const b = bodyOf(req.body);
        const s = await startEnrolment(ctx, {
          by: anonymousOf(req),
          token: b.token,
          password: b.password,
        });
        return {
          totpSecret: s.totpSecret,
          otpauthUri: s.otpauthUri,
          recoveryCodes: s.recoveryCodes,
        };
      },
    );

    app.post(
      "/staff/enrolment/confirm",
      {
        config: { staff: "signed_out" },
        schema: {
          tags: ["staff"],
          summary:
            "Enrolment, step 2: confirm a first code from the app; the account becomes active",
          body: {
            type: "object",
            required: ["token", "code"],
            properties: { token: { type: "string" }, code: { type: "string", example: "123456" } },
          },
          response: { 204: { description: "Enrolled" }, 410: problem, 422: problem, 429: problem },
        },
      },
      async (req, reply) => {
        const b = bodyOf(req.body);
        await confirmEnrolment(ctx, { by: anonymousOf(req), token: b.token, code: b.code });
        return reply.code(204).send();
      },
    );

    app.post(
      "/staff/session",
      {
        config: { staff: "signed_out" },
        schema: {
          tags: ["staff"],
          summary: "Staff login: username, password and TOTP code (or a recovery code)",
          description:
            "5 consecutive wrong codes (after the right password) lock the account for 15 minutes (423); wrong passwords are bounded by rate limits only, so nobody without the password can lock staff out. The session cookie lasts 10 hours at most and ends after 15 minutes without activity.",
          body: {
            type: "object",
            required: ["username", "password", "totp"],
            properties: {
              username: { type: "string" },
              password: { type: "string" },
              totp: { type: "string", description: "6 digits, or a recovery code XXXXX-XXXXX" },
            },
          },
          response: {
            200: json(member, "Logged in; the staff cookie is set"),
            401: problem,
            422: problem,
            423: problem,
            429: problem,
          },
        },
      },
      async (req, reply) => {
        const b = bodyOf(req.body);
        const login = await staffLogin(ctx, {
          by: anonymousOf(req),
          username: b.username,
          password: b.password,
          totp: b.totp,
          previousToken: readCookie(ctx, req, "staff"),
        });
        setStaffCookie(ctx, reply, login.token);
        const m = login.member;
        return { id: m.id, username: m.username, role: m.role, officeId: m.officeId };
      },
    );

    app.delete(
      "/staff/session",
      {
        config: { staff: "signed_out" },
        schema: {
          tags: ["staff"],
          summary: "Staff logout",
          response: { 204: { description: "Logged out" } },
        },
      },
      async (req, reply) => {
        const live = (await staffSessionOf(ctx, req)).kind === "live";
        const by = live ? (await staffOf(ctx, req)).by : anonymousOf(req);
        await staffLogout(ctx, { by, token: readCookie(ctx, req, "staff") });
        clearStaffCookie(ctx, reply);
        return reply.code(204).send();
      },
    );

    app.get(
      "/staff/me",
      {
        config: { staff: STAFF_ROLES },
        schema: {
          tags: ["staff"],
          summary: "The member of staff logged in",
          response: { 200: json(member, "Who is logged in"), 401: problem },
        },
      },
      async (req) => {
        const { member: m } = await staffOf(ctx, req);
        return { id: m.id, username: m.username, role: m.role, officeId: m.officeId };
      },
    );

    app.post(
      "/staff/me/recovery-codes",
      {
        config: { staff: STAFF_ROLES },
        schema: {
          tags: ["staff"],
          summary:
            "A new set of recovery codes (the old ones stop working); needs a code from the app",
          body: {
            type: "object",
            required: ["totp"],
            properties: { totp: { type: "string", example: "123456" } },
          },
          response: {
            200: json(
              {
                type: "object",
                properties: { recoveryCodes: { type: "array", items: { type: "string" } } },
              },
              "The new codes, shown once",
            ),
            401: problem,
            422: problem,
          },
        },
      },
      async (req) => {
        const { by, member: m } = await staffOf(ctx, req);
        const b = bodyOf(req.body);
        return {
          recoveryCodes: await replaceRecoveryCodes(ctx, { by, staffId: m.id, totp: b.totp }),
        };
      },
    );
  };
}
