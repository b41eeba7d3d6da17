/**
 * Abandoned messages for supervisors (issue 8): the outbox gave up on them (a provider refused
 * them, or retries ran out) and kept their sealed secret, so once the provider is fixed a
 * supervisor resends one — queued again, due now, attempts reset. Recipients are shown masked;
 * a message whose content the retention scrub erased cannot be resent (409
 * MESSAGE_SECRET_GONE). Listing and resending are audited, the resend with its reason.
 */
import type { Acting } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import { maskContact, maskFiscalCode } from "../../domain/mask.ts";
import { MESSAGE_KINDS, isMessageKind } from "../../notifications/registry.ts";
import type { Channel } from "../../notifications/channel-kind.ts";
import type { BaseDeps } from "../deps.ts";
import type { AbandonedMessage } from "../ports-supervisor.ts";

export const ABANDONED_LIST_LIMIT = 200;
export const RESEND_REASON_MAX = 500;

export interface AbandonedView {
  id: string;
  kind: string;
  channel: Channel;
  /** Masked: enough to recognise, too little to use. */
  recipient: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  abandonedAt: string;
  /** False: its content is gone and it cannot be resent. */
  resendable: boolean;
}

/**
 * A recipient as a supervisor may see it: a contact masked; a letter's recipient (the
 * addressee's fiscal code) masked like the audit trail's subjects.
 */
export function maskRecipient(channel: Channel, recipient: string): string {
  if (channel !== "letter") return maskContact(recipient);
  return /^[0-9A-Z]{16}$/u.test(recipient) ? maskFiscalCode(recipient) : "•••";
}

function resendable(m: AbandonedMessage): boolean {
  if (m.scrubbed) return false;
  const secretNeeded = isMessageKind(m.kind) && MESSAGE_KINDS[m.kind].secret;
  return m.hasSecret || !secretNeeded;
}

function view(m: AbandonedMessage): AbandonedView {
  return {
    id: m.id,
    kind: m.kind,
    channel: m.channel,
    recipient: maskRecipient(m.channel, m.recipient),
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    abandonedAt: m.abandonedAt.toISOString(),
    resendable: resendable(m),
  };
}

export async function listAbandoned(deps: BaseDeps, req: { by: Acting }): Promise<AbandonedView[]> {
  const messages = await deps.uow.direct.supervisor.abandonedMessages(ABANDONED_LIST_LIMIT);
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "staff.abandoned_listed",
      outcome: "success",
      ...req.by,
      details: { count: messages.length },
    });
  });
  return messages.map(view);
}

/** The reason typed by the supervisor, or VALIDATION_FAILED (field `reason`). */
export function parseResendReason(v: unknown): string {
  const reason = typeof v === "string" ? v.trim() : "";
  const code =
    reason === ""
      ? "required"
      : reason.length > RESEND_REASON_MAX
        ? "too_long"
        : /[\p{Cc}\p{Cs}]/u.test(reason.replace(/[\r\n\t]/gu, " "))
          ? "invalid"
          : null;
  if (code !== null)
    throw new AppError("VALIDATION_FAILED", { fields: [{ field: "reason", code }] });
  return reason;
}

/** Queues an abandoned message again (due now, attempts reset); wakes the worker on commit. */
export async function resendAbandoned(
  deps: BaseDeps & { messagesQueued: () => void },
  req: { by: Acting; messageId: string; body: unknown },
): Promise<AbandonedView> {
  const body =
    typeof req.body === "object" && req.body !== null ? (req.body as Record<string, unknown>) : {};
  const reason = parseResendReason(body.reason);
  if (!isUuid(req.messageId)) throw new AppError("NOT_FOUND");
  const now = deps.clock.now();
  const resent = await deps.uow.run(async (r) => {
    const m = await r.supervisor.lockMessage(req.messageId);
    if (m === null) throw new AppError("NOT_FOUND");
    if (m.status !== "abandoned") throw new AppError("MESSAGE_NOT_ABANDONED");
    if (!resendable(m)) throw new AppError("MESSAGE_SECRET_GONE");
    if (!(await r.supervisor.requeueAbandoned(m.id, now)))
      throw new AppError("MESSAGE_NOT_ABANDONED");
    r.audit.record({
      type: "staff.message_resent",
      outcome: "success",
      ...req.by,
      details: { messageId: m.id, kind: m.kind, channel: m.channel, reason },
    });
    return m;
  });
  deps.messagesQueued();
  return { ...view(resent), attempts: 0 };
}
