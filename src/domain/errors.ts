/**
 * Every error a citizen or client can see, in one registry: its HTTP status here, its
 * messages in src/i18n (a test fails when a code lacks a message in any language).
 */
export const ERROR_STATUS = {
  MALFORMED_REQUEST: 400,
  VALIDATION_FAILED: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  RESIDENT_IN_ITALY: 422,
  ITALIAN_DOCUMENT_DECLARED: 422,
  PIN_ALREADY_ACTIVE: 409,
  INVALID_CREDENTIALS: 401,
  PIN_LOCKED: 423,
  LOGIN_SUSPENDED: 423,
  PIN_NOT_ELIGIBLE: 403,
  AUTHENTICATION_REQUIRED: 401,
  SESSION_EXPIRED: 401,
  PIN_CHANGE_REQUIRED: 403,
  RENEWAL_REQUIRED: 403,
  NO_PIN_CHANGE_PENDING: 403,
  PIN_ALREADY_SHOWN: 409,
  LOGGED_IN: 403,
  CSRF_INVALID: 403,
  CROSS_SITE_REQUEST: 403,
  LINK_INVALID: 410,
  PIN_REVOKED: 403,
  REAUTHENTICATION_REQUIRED: 403,
  CODE_INVALID: 422,
  LAST_CONTACT: 409,
  ALREADY_DISPOSITIVE: 409,
  CONVERSION_PENDING: 409,
  CONVERSION_DECIDED: 409,
  STAFF_AUTHENTICATION_REQUIRED: 401,
  STAFF_SESSION_EXPIRED: 401,
  STAFF_FORBIDDEN: 403,
  STAFF_LOGIN_FAILED: 401,
  STAFF_LOCKED: 423,
  ENROLMENT_INVALID: 410,
  ENROLMENT_STARTED: 409,
  ENROLMENT_OTHER_BROWSER: 409,
  USERNAME_TAKEN: 409,
  // Contact centre (issue 7).
  IDENTITY_CHECK_REQUIRED: 403,
  IDENTITY_CHECKS_EXHAUSTED: 429,
  CONTACT_CENTRE_CLOSED: 409,
  VERIFICATION_NOT_LEASED: 409,
  CLAIM_CHECKS_FAILED: 422,
  CLAIM_NOT_ISSUABLE: 409,
  CONTACT_ALREADY_REGISTERED: 409,
  NO_CONTACT_REGISTERED: 409,
  NO_ACTIVE_PIN: 409,
  LETTER_RESEND_REFUSED: 409,
  // Desk appointments (issue 7, appointments): every desk of the slot is taken.
  APPOINTMENT_SLOT_FULL: 409,
  // Issue 7, areas review and supervisor.
  SEGREGATION_OF_DUTIES: 403,
  REVIEW_ITEM_TAKEN: 409,
  STAFF_OWN_ACCOUNT: 409,
  // The office desk (issue 7, desk).
  DESK_NOT_ELIGIBLE: 422,
  DESK_ALREADY_ISSUED: 409,
  DESK_NO_PIN: 409,
  DESK_CONFLICT: 409,
  DELEGATION_EXISTS: 409,
  DELEGATION_ENDED: 409,
  // Delivery channels (issue 8): the SMS gateway's delivery-report webhook.
  WEBHOOK_SIGNATURE_INVALID: 401,
  WEBHOOK_REPLAYED: 409,
  // Abandoned messages resent by supervisors (issue 8, outbox).
  MESSAGE_NOT_ABANDONED: 409,
  MESSAGE_SECRET_GONE: 409,
  // GET /metrics (issue 8, observability).
  METRICS_TOKEN_REQUIRED: 401,
  METRICS_LOOPBACK_ONLY: 403,
  RATE_LIMITED: 429,
  OVERLOADED: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** One bad field: a dotted path ("residence.postalCode") and a message key. */
export interface FieldError {
  field: string;
  /** Key of the message in the i18n catalogue, under "field." */
  code: string;
  /** Values for the message's placeholders (a file's name), never anything secret. */
  params?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  /** Extra members for the problem details body (non-sensitive). */
  readonly extra: Record<string, string | number | boolean>;

  constructor(
    code: ErrorCode,
    opts: {
      fields?: FieldError[];
      extra?: Record<string, string | number | boolean>;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = opts.fields ?? [];
    this.extra = opts.extra ?? {};
  }
}

/**
 * A write lost a race against a concurrent one (a unique constraint held): the store throws
 * it, the flow decides what the person is told.
 */
export class ConflictError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`concurrent change: ${what}`, options);
    this.name = "ConflictError";
  }
}
