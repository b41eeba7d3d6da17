/**
 * `POST /hooks/sms/status`: the SMS gateway's delivery reports (contract in docs/delivery.md).
 *
 * - `X-Timestamp: <unix seconds>` and `X-Signature: sha256=<hex HMAC-SHA256(SMS_WEBHOOK_SECRET,
 *   "<timestamp>.<raw body>")>`, verified over the raw bytes (this plugin's own body parser)
 *   with a timing-safe compare; a missing or wrong signature, or a timestamp more than five
 *   minutes away from the service clock → 401.
 * - Body `{id, status: delivered|failed|expired|rejected, at?, reason?}` or `{reports: [...]}`;
 *   not JSON or not that shape → 400.
 * - Each signature is accepted once (sms_report_signature): a replay → 409, nothing changes.
 * - An id that is not an SMS of ours changes nothing and is answered like any other (200):
 *   the hook is no oracle for outbox ids.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError, type ErrorCode } from "../../domain/errors.ts";
import type { SmsReportUpdate } from "../../flows/ports.ts";
import { withoutNumbers } from "../../notifications/channels/sms-gateway.ts";
import { enforceLimit } from "../../flows/rate-limit.ts";
import { anonymousOf } from "../request.ts";
import { deliveries } from "../../observability/metrics.ts";
import type { AppContext } from "../context.ts";
import { langOf } from "../lang.ts";
import { sendProblem } from "../problem.ts";

/** How far a report's timestamp may be from the service clock. */
export const SMS_REPORT_WINDOW_SECONDS = 300;

const report = z.object({
  id: z.string().max(100),
  status: z.enum(["delivered", "failed", "expired", "rejected"]),
  at: z.iso.datetime({ offset: true }).optional(),
  reason: z.string().max(500).optional(),
});
const body = z.union([report, z.object({ reports: z.array(report).min(1).max(500) })]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The hex HMAC of a report, as the gateway computes it. */
export function smsReportSignature(secret: string, timestamp: string, raw: Buffer): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(raw).digest("hex");
}

/** The signature's hex when the headers check out against the raw body, else undefined. */
function verified(secret: string, req: FastifyRequest, raw: Buffer, now: Date): string | undefined {
  const timestamp = req.headers["x-timestamp"];
  const signature = req.headers["x-signature"];
  if (typeof timestamp !== "string" || !/^\d{1,12}$/u.test(timestamp)) return undefined;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SMS_REPORT_WINDOW_SECONDS)
    return undefined;
  if (typeof signature !== "string") return undefined;
  const given = /^sha256=([0-9a-f]{64})$/iu.exec(signature.trim())?.[1]?.toLowerCase();
  if (given === undefined) return undefined;
  const expected = smsReportSignature(secret, timestamp, raw);
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(expected, "hex"))
    ? expected
    : undefined;
}

function update(r: z.infer<typeof report>, now: Date): SmsReportUpdate {
  const at = r.at === undefined ? now : new Date(r.at);
  // Only a short code of the gateway's reason: free text may echo the message, PIN half included.
  const code = r.reason !== undefined && /^[\w .-]{1,40}$/u.test(r.reason) ? r.reason : undefined;
  const reason = code === undefined ? "" : `: ${withoutNumbers(code)}`;
  return r.status === "delivered"
    ? { id: r.id.toLowerCase(), status: "delivered", at, error: null }
    : { id: r.id.toLowerCase(), status: "failed", at, error: `${r.status}${reason}` };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

function refuse(req: FastifyRequest, reply: FastifyReply, code: ErrorCode): FastifyReply {
  return sendProblem(reply, req, new AppError(code), langOf(req, { acceptLanguage: true }));
}

/** The plugin; register it at the root (no prefix) when the SMS gateway is configured. */
export function smsStatusHook(ctx: AppContext) {
  return async function smsStatus(scope: FastifyInstance): Promise<void> {
    const secret = ctx.config.delivery.sms?.webhookSecret;
    if (secret === undefined) throw new Error("the SMS webhook needs SMS_WEBHOOK_SECRET");
    // The signature covers the exact bytes: take them raw, whatever the content type says.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: 256 * 1024 },
      (_req, raw, done) => {
        done(null, raw);
      },
    );
    scope.post(
      "/hooks/sms/status",
      { config: { journey: "public" }, schema: { hide: true } },
      async (req, reply) => {
        const now = ctx.clock.now();
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const signature = verified(secret, req, raw, now);
        if (signature === undefined) {
          // Whoever keeps sending unsigned or forged reports is slowed down (429), audited once.
          await enforceLimit(ctx, anonymousOf(req), "sms_webhook_refused", req.ip);
          return refuse(req, reply, "WEBHOOK_SIGNATURE_INVALID");
        }
        const result = body.safeParse(parseJson(raw));
        if (!result.success) return refuse(req, reply, "MALFORMED_REQUEST");
        const parsed = result.data;
        const reports = ("reports" in parsed ? parsed.reports : [parsed])
          .filter((r) => UUID.test(r.id))
          .map((r) => update(r, now));
        const outcome = await ctx.uow.direct.outboxMaintenance.recordSmsReports(
          signature,
          reports,
          now,
        );
        if (outcome.replay) return refuse(req, reply, "WEBHOOK_REPLAYED");
        for (const r of outcome.applied) deliveries.inc({ channel: "sms", outcome: r.status });
        req.log.info(
          { received: reports.length, applied: outcome.applied.length },
          "sms delivery reports",
        );
        return reply.code(200).send({ status: "ok" });
      },
    );
  };
}
