/**
 * Named rate limits for the anonymous (and a few personal) flows, held in PostgreSQL so they
 * hold across instances. Each limiter counts hits per key (a source address, a fiscal code, a
 * destination contact — stored only as keyed hashes) in a fixed window; over the limit the
 * edge answers 429 with Retry-After. Limits are configuration (README's table): the defaults
 * below are generous per source address because a patronato or a consulate helps many people
 * from one address, and tight per destination so nobody can mail-bomb an inbox through the
 * neutral "claim received" e-mail.
 */

export const LIMITER_NAMES = [
  "login_source",
  "claim_source",
  "claim_destination",
  "pin_card",
  "recovery_source",
  "recovery_subject",
  "recovery_destination",
  "link_confirm_source",
  "letter_resend_source",
  "letter_resend_subject",
  "revocation_source",
  "revocation_subject",
  "revocation_destination",
  "contact_code",
  "contact_code_destination",
  "conversion_upload",
  "benefit_claim",
  "staff_login_source",
  "staff_login_account",
  "staff_enrolment_source",
  // Desk appointments (issue 7, appointments).
  "appointment_source",
  "appointment_destination",
  "appointment_cancel_source",
  // Delivery (issue 8): refused SMS delivery reports (bad signature) per source address.
  "sms_webhook_refused",
] as const;
export type LimiterName = (typeof LIMITER_NAMES)[number];

export interface Limit {
  /** Hits allowed per window. */
  max: number;
  windowSeconds: number;
}

export const DEFAULT_LIMITS: Readonly<Record<LimiterName, Limit>> = {
  login_source: { max: 600, windowSeconds: 3600 },
  claim_source: { max: 60, windowSeconds: 3600 },
  claim_destination: { max: 3, windowSeconds: 24 * 3600 },
  pin_card: { max: 10, windowSeconds: 3600 },
  recovery_source: { max: 30, windowSeconds: 3600 },
  recovery_subject: { max: 5, windowSeconds: 24 * 3600 },
  recovery_destination: { max: 3, windowSeconds: 24 * 3600 },
  link_confirm_source: { max: 60, windowSeconds: 3600 },
  letter_resend_source: { max: 30, windowSeconds: 3600 },
  letter_resend_subject: { max: 5, windowSeconds: 24 * 3600 },
  revocation_source: { max: 30, windowSeconds: 3600 },
  revocation_subject: { max: 5, windowSeconds: 24 * 3600 },
  revocation_destination: { max: 3, windowSeconds: 24 * 3600 },
  contact_code: { max: 5, windowSeconds: 3600 },
  contact_code_destination: { max: 5, windowSeconds: 24 * 3600 },
  conversion_upload: { max: 10, windowSeconds: 24 * 3600 },
  benefit_claim: { max: 20, windowSeconds: 24 * 3600 },
  // An office or a contact centre is many people behind one address.
  staff_login_source: { max: 300, windowSeconds: 3600 },
  staff_login_account: { max: 30, windowSeconds: 3600 },
  staff_enrolment_source: { max: 30, windowSeconds: 3600 },
  // Desk appointments (issue 7, appointments): a patronato books for many people from one
  // address; one phone or inbox needs only a few appointments a day; wrong booking codes are
  // guesses (80 bits: the limit only keeps the audit trail and the database quiet).
  appointment_source: { max: 60, windowSeconds: 3600 },
  appointment_destination: { max: 3, windowSeconds: 24 * 3600 },
  appointment_cancel_source: { max: 30, windowSeconds: 3600 },
  sms_webhook_refused: { max: 30, windowSeconds: 600 },
};

/** The environment variable that sets each limiter ("RATE_LIMIT_LOGIN_SOURCE=600/1h"). */
export function limiterEnvName(name: LimiterName): string {
  return `RATE_LIMIT_${name.toUpperCase()}`;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "600/1h", "3/24h", "10/15m", "5/30s" → a Limit; undefined when malformed. */
export function parseLimit(text: string): Limit | undefined {
  const m = /^\s*(\d{1,7})\s*\/\s*(\d{1,5})\s*([smhd])\s*$/u.exec(text);
  if (m === null) return undefined;
  const max = Number(m[1]);
  const windowSeconds = Number(m[2]) * (UNITS[m[3] ?? ""] ?? 0);
  if (max < 1 || windowSeconds < 1) return undefined;
  return { max, windowSeconds };
}

export function formatLimit(l: Limit): string {
  for (const [unit, s] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    if (l.windowSeconds % s === 0) return `${l.max}/${l.windowSeconds / s}${unit}`;
  }
  return `${l.max}/${l.windowSeconds}s`;
}

/** The verdict of one hit. */
export type LimitVerdict =
  | { allowed: true }
  | {
      allowed: false;
      retryAfterSeconds: number;
      /** The first refusal of the window (audited once, not on every refused hit of a flood). */
      first: boolean;
    };

/** Fixed window: the hit number `hits` in a window that started at `windowStart`. */
export function limitVerdict(
  limit: Limit,
  hits: number,
  windowStart: Date,
  now: Date,
): LimitVerdict {
  if (hits <= limit.max) return { allowed: true };
  const end = windowStart.getTime() + limit.windowSeconds * 1000;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)),
    first: hits === limit.max + 1,
  };
}
