/**
 * Who acts, and from where. Every flow input carries one, so every audit event can say who
 * did what to whom from where. The origin is always known at the edge (the source address and
 * user agent of the request; "system" jobs name themselves).
 */

export type StaffRole =
  "contact_centre_agent" | "office_clerk" | "back_office_reviewer" | "supervisor";

export type Actor =
  | { kind: "anonymous" }
  | { kind: "citizen"; fiscalCode: string }
  | { kind: "staff"; id: string; role: StaffRole }
  | { kind: "system"; name: string };

export interface Origin {
  /** Source address as the edge saw it (behind a trusted proxy: the client's). */
  ip: string;
  userAgent: string | null;
  /** Correlates the audit event with the request's log lines. */
  requestId: string | null;
}

export interface Acting {
  actor: Actor;
  origin: Origin;
}

export const SYSTEM_ORIGIN: Origin = { ip: "127.0.0.1", userAgent: null, requestId: null };

export function systemActor(name: string): Acting {
  return { actor: { kind: "system", name }, origin: SYSTEM_ORIGIN };
}
