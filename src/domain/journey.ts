/**
 * The citizen journey as one explicit state machine: states, events, transitions, and the
 * steps (kinds of route) each state may reach. Every route declares its step when it is
 * registered and one guard (src/http/journey-guard.ts) enforces this table, so nobody skips
 * the forced PIN change or the renewal by typing a URL. Deny by default: a step not listed
 * for a state is refused. The journey carries a continuation (the page to return to), so a
 * deep link resumes after login, first access or renewal — and later after an OpenID Connect
 * authorization.
 *
 * docs/ARCHITECTURE.md shows the diagram that journeyDiagram() draws from this very table
 * (a test keeps the two in step).
 */

export const JOURNEY_STATES = [
  "anonymous",
  "pin_change_required",
  "renewal_required",
  "pin_shown",
  "authenticated",
] as const;
export type JourneyState = (typeof JOURNEY_STATES)[number];

/** Session states: every state but anonymous lives in a session row. */
export type SessionState = Exclude<JourneyState, "anonymous">;

export const JOURNEY_EVENTS = [
  "login_with_initial_pin",
  "login_with_expired_pin",
  "login",
  "pin_activated",
  "pin_renewed",
  "pin_replaced",
  "pin_noted",
  "pin_window_ended",
  "logout",
  "session_timed_out",
] as const;
export type JourneyEvent = (typeof JOURNEY_EVENTS)[number];

/**
 * What a route is, as far as the journey is concerned:
 * - public: information pages, assets, health checks, language switch, API docs;
 * - start: what only a visitor without a session does (claim a PIN, the login form);
 * - login / logout: open or end a session, from any state (a new login replaces the old one);
 * - first_access / renewal: the forced PIN change (a repeat after the change is answered by
 *   the flow: the PIN already shown is never silently replaced);
 * - new_pin: right after a PIN change, while the new PIN is on screen: the PIN card, an
 *   explicit replacement, "I have noted it";
 * - personal: the personal area and everything behind it.
 */
export const JOURNEY_STEPS = [
  "public",
  "start",
  "login",
  "logout",
  "first_access",
  "renewal",
  "new_pin",
  "personal",
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

type Transitions = Readonly<Partial<Record<JourneyEvent, JourneyState>>>;

const ANY_SESSION: Transitions = {
  login_with_initial_pin: "pin_change_required",
  login_with_expired_pin: "renewal_required",
  login: "authenticated",
  logout: "anonymous",
  session_timed_out: "anonymous",
};

export const TRANSITIONS: Readonly<Record<JourneyState, Transitions>> = {
  anonymous: {
    login_with_initial_pin: "pin_change_required",
    login_with_expired_pin: "renewal_required",
    login: "authenticated",
  },
  pin_change_required: { ...ANY_SESSION, pin_activated: "pin_shown" },
  renewal_required: { ...ANY_SESSION, pin_renewed: "pin_shown" },
  pin_shown: {
    ...ANY_SESSION,
    pin_replaced: "pin_shown",
    pin_noted: "authenticated",
    pin_window_ended: "authenticated",
  },
  authenticated: ANY_SESSION,
};

export const REACHABLE: Readonly<Record<JourneyState, readonly JourneyStep[]>> = {
  anonymous: ["public", "start", "login", "logout"],
  pin_change_required: ["public", "login", "logout", "first_access"],
  renewal_required: ["public", "login", "logout", "renewal"],
  pin_shown: ["public", "login", "logout", "first_access", "renewal", "new_pin", "personal"],
  authenticated: ["public", "login", "logout", "personal"],
};

export function isJourneyStep(v: unknown): v is JourneyStep {
  return typeof v === "string" && (JOURNEY_STEPS as readonly string[]).includes(v);
}

export function mayReach(state: JourneyState, step: JourneyStep): boolean {
  return REACHABLE[state].includes(step);
}

export class JourneyTransitionError extends Error {
  constructor(state: JourneyState, event: JourneyEvent) {
    super(`journey: no transition from ${state} on ${event}`);
    this.name = "JourneyTransitionError";
  }
}

/** The next state, or a JourneyTransitionError when the event is not allowed in `state`. */
export function transition(state: JourneyState, event: JourneyEvent): JourneyState {
  const next = TRANSITIONS[state][event];
  if (next === undefined) throw new JourneyTransitionError(state, event);
  return next;
}

export function canTransition(state: JourneyState, event: JourneyEvent): boolean {
  return TRANSITIONS[state][event] !== undefined;
}

/** The session state right after a successful login with a PIN of this kind. */
export function loginEvent(pin: { kind: "initial" | "operating"; expired: boolean }): JourneyEvent {
  if (pin.kind === "initial") return "login_with_initial_pin";
  return pin.expired ? "login_with_expired_pin" : "login";
}

/**
 * The state a stored session is in now: the "new PIN on screen" state ends by itself when its
 * window closes (the PIN card can no longer be downloaded, the PIN is no longer replaceable).
 */
export function effectiveState(
  stored: SessionState,
  newPinWindowUntil: Date | null,
  now: Date,
): SessionState {
  if (
    stored === "pin_shown" &&
    (newPinWindowUntil === null || newPinWindowUntil.getTime() <= now.getTime())
  ) {
    return transition(stored, "pin_window_ended") as SessionState;
  }
  return stored;
}

/**
 * A continuation ("return to") is a local path, nothing else: no scheme, no host, no "//",
 * no backslash, a bounded length and plain URL characters. Whether the path is a page the
 * journey may resume at is decided against the registered routes (src/http/journey-guard.ts).
 */
export function isSafeLocalPath(v: unknown): v is string {
  return (
    typeof v === "string" &&
    v.length <= 200 &&
    /^\/(?![/\\])[A-Za-z0-9\-._~/%]*(\?[A-Za-z0-9\-._~=&%]*)?$/u.test(v) &&
    !v.includes("..")
  );
}

/** The journey as a Mermaid state diagram, drawn from TRANSITIONS (docs/ARCHITECTURE.md). */
export function journeyDiagram(): string {
  const lines = ["stateDiagram-v2", "  [*] --> anonymous"];
  for (const state of JOURNEY_STATES) {
    const byTarget = new Map<JourneyState, JourneyEvent[]>();
    for (const event of JOURNEY_EVENTS) {
      const to = TRANSITIONS[state][event];
      if (to !== undefined) byTarget.set(to, [...(byTarget.get(to) ?? []), event]);
    }
    for (const [to, events] of byTarget) lines.push(`  ${state} --> ${to}: ${events.join(", ")}`);
  }
  return lines.join("\n");
}

/** Which steps each state may reach, as a Markdown table (docs/ARCHITECTURE.md). */
export function journeyTable(): string {
  const head = `| step | ${JOURNEY_STATES.join(" | ")} |`;
  const rule = `| --- | ${JOURNEY_STATES.map(() => ":---:").join(" | ")} |`;
  const rows = JOURNEY_STEPS.map(
    (step) =>
      `| ${step} | ${JOURNEY_STATES.map((s) => (mayReach(s, step) ? "✓" : "")).join(" | ")} |`,
  );
  return [head, rule, ...rows].join("\n");
}
