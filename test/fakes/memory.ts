/**
 * The flows' ports in memory: a unit of work over plain maps, with the same semantics as the
 * store where the flows depend on them (one active credential per fiscal code, the lockout
 * rules of src/domain/lockout.ts, fixed-window rate limits, a transaction that rolls back
 * everything — messages and audit events included — when the flow throws). Flow tests run on
 * it in milliseconds; the store's own conformance suites check the SQL says the same.
 */
import type { AuditRecord } from "../../src/domain/audit.ts";
import { ConflictError } from "../../src/domain/errors.ts";
import {
  failureLocks,
  LOCKOUT_THRESHOLD,
  lockUntil,
  NO_ATTEMPTS,
  reserveAttempt,
  type ThrottleState,
} from "../../src/domain/lockout.ts";
import { limitVerdict, type LimitVerdict } from "../../src/domain/rate-limits.ts";
import type {
  ArchiveIdentity,
  AttemptTarget,
  Contacts,
  LimitHit,
  Credential,
  DirectRepos,
  Handover,
  LinkPurpose,
  NewClaim,
  NewLink,
  PendingContactChange,
  NewSession,
  Repos,
  Reservation,
  SessionRecord,
  UnitOfWork,
} from "../../src/flows/ports.ts";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import type { MessageKind, OutgoingMessage } from "../../src/notifications/registry.ts";
import { requestRepos, type RequestsState } from "./memory-requests.ts";
import { personalDataRepo } from "./memory-personal-data.ts";
import { unsupported } from "./unsupported.ts";

export interface MemoryState extends RequestsState {
  people: Map<string, ArchivePerson>;
  claims: Map<string, NewClaim & { supersededBy?: string }>;
  accounts: Map<string, Contacts>;
  credentials: Map<string, Credential>;
  sessions: Map<string, SessionRecord>;
  throttle: Map<string, ThrottleState & { lockNotifiedAt?: Date }>;
  devices: Map<string, { subjectKey: string; lastUsedAt: Date }>;
  limits: Map<string, { windowStart: Date; hits: number }>;
  handovers: Map<string, Handover>;
  resends: { fiscalCode: string; credentialId: string; at: Date }[];
  contactChanges: Map<string, PendingContactChange & { tries: number }>;
  links: Map<string, NewLink & { usedAt: Date | null; cancelledAt: Date | null }>;
  outbox: (OutgoingMessage<MessageKind> & { queuedAt: Date })[];
  audit: AuditRecord[];
}

export function emptyState(): MemoryState {
  return {
    people: new Map(),
    claims: new Map(),
    accounts: new Map(),
    credentials: new Map(),
    sessions: new Map(),
    throttle: new Map(),
    devices: new Map(),
    limits: new Map(),
    handovers: new Map(),
    resends: [],
    contactChanges: new Map(),
    links: new Map(),
    conversions: new Map(),
    documents: new Map(),
    benefitClaims: new Map(),
    protocols: new Map(),
    outbox: [],
    audit: [],
  };
}

function identity(p: ArchivePerson): ArchiveIdentity {
  const { contributions: _c, pensionPayments: _p, ...rest } = p;
  return rest;
}

function repos(st: MemoryState): Repos {
  const pendingLinks = (fc: string, purpose: LinkPurpose) =>
    [...st.links.values()].filter(
      (l) =>
        l.fiscalCode === fc && l.purpose === purpose && l.usedAt === null && l.cancelledAt === null,
    );
  const usableLink = (h: string, purpose: LinkPurpose, now: Date) => {
    const l = st.links.get(h);
    return l !== undefined &&
      l.purpose === purpose &&
      l.usedAt === null &&
      l.cancelledAt === null &&
      l.expiresAt > now
      ? l
      : null;
  };
  const activeOf = (fc: string) =>
    [...st.credentials.values()].find((c) => c.fiscalCode === fc && c.status === "active") ?? null;
  const createSession = (s: NewSession): void => {
    const c = st.credentials.get(s.credentialId);
    if (c?.status !== "active") throw new ConflictError("the credential is no longer active");
    const p = st.people.get(s.fiscalCode);
    st.sessions.set(s.idHash, {
      pinAt: null,
      idHash: s.idHash,
      fiscalCode: s.fiscalCode,
      credentialId: s.credentialId,
      state: s.state,
      level: s.level,
      createdAt: s.now,
      lastSeenAt: s.now,
      absoluteExpiry: s.absoluteExpiry,
      newPinUntil: s.newPinUntil,
      returnTo: s.returnTo,
      credentialKind: c.kind,
      credentialSetAt: c.setAt,
      surname: p?.surname ?? null,
      givenNames: p?.givenNames ?? null,
    });
  };
  const hit = ({ name, key, limit }: LimitHit, now: Date): LimitVerdict => {
    const k = `${name}:${key}`;
    const w = st.limits.get(k);
    const fresh =
      w === undefined || w.windowStart.getTime() <= now.getTime() - limit.windowSeconds * 1000;
    const next = fresh
      ? { windowStart: now, hits: 1 }
      : { windowStart: w.windowStart, hits: w.hits + 1 };
    st.limits.set(k, next);
    return limitVerdict(limit, next.hits, next.windowStart, now);
  };
  const reserve = async (
    { subjectKey, deviceId, fiscalCode, now }: AttemptTarget,
    refusals: boolean,
  ): Promise<Reservation | null> => {
    const known = deviceId !== null && st.devices.get(deviceId)?.subjectKey === subjectKey;
    const key = known ? `device:${deviceId}` : subjectKey;
    const { verdict, next } = reserveAttempt(st.throttle.get(key) ?? NO_ATTEMPTS, now, !known);
    if (!refusals && verdict.kind !== "attempt") return null;
    st.throttle.set(key, { ...st.throttle.get(key), ...next });
    const c = activeOf(fiscalCode);
    const p = st.people.get(fiscalCode);
    return {
      counterKey: key,
      knownDevice: known,
      verdict,
      credential:
        c === null
          ? null
          : {
              id: c.id,
              kind: c.kind,
              level: c.level,
              pinHash: c.pinHash,
              setAt: c.setAt,
              residenceCountry: p?.residence.country ?? null,
              italianIdOnFile: p?.italianIdOnFile ?? false,
            },
      revokedHash:
        c === null
          ? ([...st.credentials.values()]
              .filter((x) => x.fiscalCode === fiscalCode && x.status === "revoked")
              .at(-1)?.pinHash ?? null)
          : null,
    };
  };
  return {
    archive: {
      findPerson: async (fc) => {
        const p = st.people.get(fc);
        return p === undefined ? null : identity(p);
      },
      contributions: async (fc) => st.people.get(fc)?.contributions ?? [],
      pensionPayments: async (fc) =>
        [...(st.people.get(fc)?.pensionPayments ?? [])].sort((a, b) =>
          b.month.localeCompare(a.month),
        ),
    },
    claims: {
      insert: async (c) => {
        st.claims.set(c.id, { ...c });
      },
      resendsSince: async (fc, since) =>
        st.resends.filter((x) => x.fiscalCode === fc && x.at > since).length,
      recordResend: async (fc, credentialId, at) => {
        st.resends.push({ fiscalCode: fc, credentialId, at });
      },
      supersedePending: async (fc, by) => {
        const ids: string[] = [];
        for (const c of st.claims.values()) {
          if (c.fiscalCode === fc && c.status === "under_verification") {
            c.status = "superseded";
            c.supersededBy = by;
            ids.push(c.id);
          }
        }
        return ids;
      },
      summary: async (id) => {
        const c = st.claims.get(id);
        if (c === undefined) return null;
        const declared = c.declared as { mobile?: string; email?: string };
        return {
          id: c.id,
          status: c.status,
          delivery: c.delivery,
          destination: (c.delivery === "sms" ? declared.mobile : declared.email) ?? null,
          letterCountry:
            c.status === "issued" ? (st.people.get(c.fiscalCode)?.residence.country ?? null) : null,
          createdAt: c.createdAt,
        };
      },
    },
    accounts: {
      upsertContacts: async (fc, contacts) => {
        const old = st.accounts.get(fc);
        st.accounts.set(fc, { ...contacts, pec: contacts.pec ?? old?.pec ?? null });
      },
      contacts: async (fc) => st.accounts.get(fc) ?? null,
    },
    credentials: {
      active: async (fc) => activeOf(fc),
      insert: async (c) => {
        if (activeOf(c.fiscalCode) !== null) throw new ConflictError("active credential");
        st.credentials.set(c.id, {
          ...c,
          firstHalfHash: c.firstHalfHash ?? null,
          status: "active",
        });
      },
      end: async (id, status) => {
        const c = st.credentials.get(id);
        if (c === undefined || c.status !== "active") return null;
        c.status = status;
        for (const [k, s] of st.sessions) if (s.credentialId === id) st.sessions.delete(k);
        return c.level;
      },
    },
    sessions: {
      create: async (s) => {
        createSession(s);
      },
      createForLogin: async (l) => {
        createSession(l.session); // first: a conflict writes nothing
        for (const k of l.resetCounters) {
          const t = st.throttle.get(k);
          if (t !== undefined) Object.assign(t, NO_ATTEMPTS);
        }
        st.devices.set(l.device.id, { subjectKey: l.device.subjectKey, lastUsedAt: l.session.now });
      },
      find: async (h) => {
        const s = st.sessions.get(h);
        return s === undefined ? null : { ...s };
      },
      touch: async (h, now) => {
        const s = st.sessions.get(h);
        if (s !== undefined) s.lastSeenAt = now;
      },
      markPinEntered: async (h, now) => {
        const s = st.sessions.get(h);
        if (s !== undefined) s.pinAt = now;
        return s !== undefined;
      },
      delete: async (h) => st.sessions.delete(h),
      update: async (h, c) => {
        const s = st.sessions.get(h);
        if (s === undefined) return false;
        Object.assign(s, { state: c.state, newPinUntil: c.newPinUntil, lastSeenAt: c.now });
        return true;
      },
      deleteExpired: async (now, idle) => {
        const ended: string[] = [];
        for (const [k, s] of st.sessions) {
          if (s.absoluteExpiry <= now || s.lastSeenAt.getTime() <= now.getTime() - idle * 1000) {
            st.sessions.delete(k);
            ended.push(s.fiscalCode);
          }
        }
        return ended;
      },
    },
    throttle: {
      reserve: async (a) => {
        const r = await reserve(a, true);
        if (r === null) throw new Error("unreachable: refusals are reserved too");
        return r;
      },
      tryReserve: async (a, l) => {
        const limit = hit(l, a.now);
        return { limit, reservation: limit.allowed ? await reserve(a, false) : null };
      },
      release: async (key) => {
        const t = st.throttle.get(key);
        if (t !== undefined && t.lockedUntil === null) {
          t.failures = Math.max(0, t.failures - 1);
          t.streak = Math.max(0, t.streak - 1);
        }
      },
      recordFailure: async (key, before, now) => {
        const t = st.throttle.get(key);
        if (!failureLocks(before) || t === undefined || t.failures < LOCKOUT_THRESHOLD)
          return false;
        if (t.lockedUntil !== null && t.lockedUntil > now) return false;
        t.lockedUntil = lockUntil(now);
        return true;
      },
      recordSuccess: async (keys) => {
        for (const k of keys) {
          const t = st.throttle.get(k);
          if (t !== undefined) Object.assign(t, NO_ATTEMPTS);
        }
      },
      clearSubject: async (subjectKey) => {
        for (const [k, t] of st.throttle) {
          const device = k.startsWith("device:") ? st.devices.get(k.slice(7)) : undefined;
          if (k === subjectKey || device?.subjectKey === subjectKey) Object.assign(t, NO_ATTEMPTS);
        }
      },
      claimLockNotice: async (key, now, seconds) => {
        const t = st.throttle.get(key) ?? { ...NO_ATTEMPTS };
        st.throttle.set(key, t);
        if (
          t.lockNotifiedAt !== undefined &&
          t.lockNotifiedAt.getTime() > now.getTime() - seconds * 1000
        )
          return false;
        t.lockNotifiedAt = now;
        return true;
      },
      deleteStale: async () => 0,
    },
    devices: {
      deleteUnused: async () => 0,
    },
    handovers: {
      save: async (h, v) => {
        st.handovers.set(h, { ...v });
      },
      find: async (h) => st.handovers.get(h) ?? null,
      deleteExpired: async () => 0,
    },
    contacts: {
      savePending: async (c) => {
        st.contactChanges.set(`${c.fiscalCode}:${c.kind}`, { ...c, tries: 0 });
      },
      tryPending: async (fc, kind, max, now) => {
        const c = st.contactChanges.get(`${fc}:${kind}`);
        if (c === undefined || c.expiresAt <= now || c.tries >= max) return null;
        c.tries++;
        return { value: c.value, codeHash: c.codeHash, tries: c.tries };
      },
      takePending: async (fc, kind, hash) => {
        const c = st.contactChanges.get(`${fc}:${kind}`);
        return c?.codeHash === hash && st.contactChanges.delete(`${fc}:${kind}`);
      },
      set: async (fc, kind, value) => {
        const a = st.accounts.get(fc);
        if (a !== undefined) a[kind] = value;
      },
      deleteExpired: async () => 0,
    },
    links: {
      create: async (l) => {
        for (const p of pendingLinks(l.fiscalCode, l.purpose)) p.cancelledAt = l.createdAt;
        st.links.set(l.tokenHash, { ...l, usedAt: null, cancelledAt: null });
      },
      find: async (h, purpose, now) => usableLink(h, purpose, now)?.fiscalCode ?? null,
      use: async (h, purpose, now) => {
        const l = usableLink(h, purpose, now);
        if (l === null) return null;
        l.usedAt = now;
        return l.fiscalCode;
      },
      cancelPending: async (fc, purpose, now) => {
        const pending = pendingLinks(fc, purpose);
        for (const p of pending) p.cancelledAt = now;
        return pending.length;
      },
      deleteExpired: async () => 0,
    },
    ...requestRepos(st),
    personalData: personalDataRepo(st),
    staff: unsupported("staff"),
    // Contact centre (issue 7).
    contactCentre: unsupported("contactCentre"),
    // Desk appointments (issue 7, appointments).
    appointments: unsupported("appointments"),
    // Issue 7, areas review and supervisor.
    review: unsupported("review"),
    supervisor: unsupported("supervisor"),
    // The office desk (issue 7, desk).
    desk: unsupported("desk"),
    limits: {
      hit: async (name, key, limit, now) => hit({ name, key, limit }, now),
      deleteExpired: async () => 0,
    },
    outbox: {
      enqueue: async (m, now) => {
        st.outbox.push({ ...(m as OutgoingMessage<MessageKind>), queuedAt: now });
      },
    },
    audit: {
      record: (e) => {
        st.audit.push(e);
      },
    },
  };
}

/** A unit of work over `state`: a transaction works on a copy and commits it only on success. */
export function memoryUnitOfWork(
  state: MemoryState = emptyState(),
): UnitOfWork & { state: MemoryState } {
  let chain: Promise<unknown> = Promise.resolve();
  // The repositories read the state's maps at call time: a commit swaps them in place.
  const direct: DirectRepos = {
    ...repos(state),
    outboxMaintenance: {
      scrubDelivered: async () => 0,
      recordSmsReports: async () => ({ replay: false, applied: [] }),
      deleteSmsReportSignatures: async () => 0,
      depth: async () => [],
    },
  };
  return {
    state,
    direct,
    run<T>(fn: (r: Repos) => Promise<T>): Promise<T> {
      // One transaction at a time, like PGlite: a copy of the state, committed if fn resolves.
      const run = chain.then(async () => {
        const draft = structuredClone(state);
        const value = await fn(repos(draft));
        Object.assign(state, draft);
        return value;
      });
      chain = run.catch(() => undefined);
      return run;
    },
  };
}
