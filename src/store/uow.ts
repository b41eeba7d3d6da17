/**
 * The unit of work on PostgreSQL/PGlite: the repositories of src/store/repos bound to one
 * transaction (or to the pool, for `direct`), implementing the flows' ports. Audit events
 * recorded during the transaction are appended to the hash chain as its last statement, so
 * the chain's lock is held only for that statement and the commit; messages enqueued wake the
 * outbox worker once the commit is done.
 */
import type { AuditRecord } from "../domain/audit.ts";
import type { Clock } from "../domain/clock.ts";
import type { DirectRepos, Repos, UnitOfWork } from "../flows/ports.ts";
import {
  auditAppendStatement,
  lockAuditHead,
  type AuditHead,
  type AuditKeys,
  type HeadLock,
} from "./audit.ts";
import { backOfficeRepos } from "./back-office.ts";
import type { Db, Queryable } from "./db.ts";
import { contributions, findPerson, pensionPayments } from "./repos/archive.ts";
import {
  claimSummary,
  insertClaim,
  letterResendsSince,
  recordLetterResend,
  supersedePendingClaims,
} from "./repos/claims.ts";
import {
  accountContacts,
  activeCredential,
  endCredential,
  insertCredential,
  upsertAccount,
} from "./repos/credentials.ts";
import { deleteUnusedDevices } from "./repos/devices.ts";
import { deleteExpiredHandovers, findHandover, saveHandover } from "./repos/handovers.ts";
import {
  deleteExpiredChanges,
  markPinEntered,
  savePendingChange,
  setContact,
  takePendingChange,
  tryPendingChange,
} from "./repos/contacts.ts";
import {
  cancelPendingLinks,
  createLink,
  deleteExpiredLinks,
  findLink,
  useLink,
} from "./repos/links.ts";
import {
  activeLevelLocked,
  benefitClaimByKey,
  benefitClaimsOf,
  cancelOpenConversions,
  conversionsOf,
  decideConversion,
  documentsOf,
  findConversion,
  insertBenefitClaim,
  insertConversion,
  listConversions,
  makeDispositive,
  nextProtocol,
  purgeDocuments,
  putDocument,
  releaseWaitingClaims,
} from "./repos/requests.ts";
import { deleteSmsReportSignatures, recordSmsReports } from "./repos/sms-reports.ts";
import { enqueue, outboxDepth, scrubDelivered } from "./repos/outbox.ts";
import {
  activityOf,
  claimsOf,
  credentialsOf,
  devicesOf,
  endSessionOf,
  forgetDeviceOf,
  messagesTo,
  sessionsOf,
} from "./repos/personal-data.ts";
import { deleteExpiredRateLimits, hitRateLimit } from "./repos/rate-limits.ts";
import {
  createLoginSession,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  touchSession,
  updateSession,
} from "./repos/sessions.ts";
import {
  claimLockNotice,
  clearSubject,
  deleteStaleCounters,
  recordFailure,
  recordSuccess,
  releaseAttempt,
  reserveAttempt,
  tryReserveAttempt,
} from "./repos/throttle.ts";

export interface UnitOfWorkOptions {
  db: Db;
  clock: Clock;
  outboxKey: Buffer;
  auditKeys: AuditKeys;
  /** Wakes the outbox worker after a transaction that queued messages committed. */
  messagesQueued: () => void;
  /**
   * Told the audit events a transaction appended, once it committed (metrics by type, the
   * request's log line): ids, types and outcomes only.
   */
  auditCommitted?: ((events: readonly CommittedAudit[]) => void) | undefined;
}

export interface CommittedAudit {
  id: string;
  type: string;
  outcome: string;
}

/**
 * The repositories over q. `headLock` (in a transaction): a repository whose write must be its
 * transaction's last takes the audit chain's lock in the same statement.
 */
function bind(q: Queryable, headLock: HeadLock | null): Omit<Repos, "outbox" | "audit"> {
  return {
    archive: {
      findPerson: (fc) => findPerson(q, fc),
      contributions: (fc) => contributions(q, fc),
      pensionPayments: (fc) => pensionPayments(q, fc),
    },
    claims: {
      insert: (c) => insertClaim(q, c),
      supersedePending: (fc, by, now) => supersedePendingClaims(q, fc, by, now),
      summary: (id) => claimSummary(q, id),
      resendsSince: (fc, since) => letterResendsSince(q, fc, since),
      recordResend: (fc, id, at) => recordLetterResend(q, fc, id, at),
    },
    accounts: {
      upsertContacts: (fc, contacts, now) => upsertAccount(q, fc, contacts, now),
      contacts: (fc) => accountContacts(q, fc),
    },
    credentials: {
      active: (fc) => activeCredential(q, fc),
      insert: (c) => insertCredential(q, c),
      end: (id, status, at) => endCredential(q, id, status, at),
    },
    sessions: {
      create: (s) => createSession(q, s),
      createForLogin: (l) => createLoginSession(q, l, headLock),
      find: (idHash) => findSession(q, idHash),
      touch: (idHash, now) => touchSession(q, idHash, now),
      markPinEntered: (idHash, now) => markPinEntered(q, idHash, now),
      delete: (idHash) => deleteSession(q, idHash),
      update: (idHash, changes) => updateSession(q, idHash, changes),
      deleteExpired: (now, idle) => deleteExpiredSessions(q, now, idle),
    },
    throttle: {
      reserve: (a) => reserveAttempt(q, a),
      tryReserve: (a, limit) => tryReserveAttempt(q, a, limit),
      release: (key) => releaseAttempt(q, key),
      recordFailure: (key, before, now) => recordFailure(q, key, before, now),
      recordSuccess: (keys, now) => recordSuccess(q, keys, now),
      clearSubject: (subjectKey, now) => clearSubject(q, subjectKey, now),
      claimLockNotice: (key, now, seconds) => claimLockNotice(q, key, now, seconds),
      deleteStale: (now) => deleteStaleCounters(q, now),
    },
    devices: {
      deleteUnused: (before) => deleteUnusedDevices(q, before),
    },
    handovers: {
      save: (oldIdHash, h) => saveHandover(q, { ...h, oldIdHash }),
      find: (oldIdHash) => findHandover(q, oldIdHash),
      deleteExpired: (now) => deleteExpiredHandovers(q, now),
    },
    links: {
      create: (l) => createLink(q, l),
      find: (hash, purpose, now) => findLink(q, hash, purpose, now),
      use: (hash, purpose, now) => useLink(q, hash, purpose, now),
      cancelPending: (fc, purpose, now) => cancelPendingLinks(q, fc, purpose, now),
      deleteExpired: (before) => deleteExpiredLinks(q, before),
    },
    contacts: {
      savePending: (c) => savePendingChange(q, c),
      tryPending: (fc, kind, max, now) => tryPendingChange(q, fc, kind, max, now),
      takePending: (fc, kind, hash) => takePendingChange(q, fc, kind, hash),
      set: (fc, kind, value, now) => setContact(q, fc, kind, value, now),
      deleteExpired: (now) => deleteExpiredChanges(q, now),
    },
    conversions: {
      insert: (r) => insertConversion(q, r),
      find: (id) => findConversion(q, id),
      ofPerson: (fc) => conversionsOf(q, fc),
      list: (status) => listConversions(q, status),
      decide: (id, d) => decideConversion(q, id, d),
      cancelOpen: (fc, at) => cancelOpenConversions(q, fc, at),
      purgeDocuments: (before, now) => purgeDocuments(q, before, now),
    },
    documents: {
      put: (d) => putDocument(q, d),
      ofRequest: (id) => documentsOf(q, id),
    },
    benefitClaims: {
      nextProtocol: (year) => nextProtocol(q, year),
      insert: (c) => insertBenefitClaim(q, c),
      byClientKey: (fc, key) => benefitClaimByKey(q, fc, key),
      ofPerson: (fc) => benefitClaimsOf(q, fc),
      releaseWaiting: (fc, at) => releaseWaitingClaims(q, fc, at),
    },
    levels: {
      activeLevelLocked: (fc) => activeLevelLocked(q, fc),
      makeDispositive: (fc) => makeDispositive(q, fc),
    },
    personalData: {
      activity: (subjectKey, before, limit) => activityOf(q, subjectKey, before, limit),
      sessions: (fc) => sessionsOf(q, fc),
      endSession: (fc, publicId) => endSessionOf(q, fc, publicId),
      devices: (subjectKey) => devicesOf(q, subjectKey),
      forgetDevice: (subjectKey, publicId) => forgetDeviceOf(q, subjectKey, publicId),
      credentials: (fc) => credentialsOf(q, fc),
      claims: (fc) => claimsOf(q, fc),
      messages: (recipients) => messagesTo(q, recipients),
    },
    ...backOfficeRepos(q),
    limits: {
      hit: (name, key, limit, now) => hitRateLimit(q, name, key, limit, now),
      deleteExpired: (now, longest) => deleteExpiredRateLimits(q, now, longest),
    },
  };
}

export function createUnitOfWork(o: UnitOfWorkOptions): UnitOfWork {
  const direct: DirectRepos = {
    ...bind(o.db.technical, null),
    outboxMaintenance: {
      scrubDelivered: (before, now) => scrubDelivered(o.db, before, now),
      recordSmsReports: (signature, reports, now) =>
        o.db.transaction((tx) => recordSmsReports(tx, signature, reports, now)),
      deleteSmsReportSignatures: (before) => deleteSmsReportSignatures(o.db, before),
      depth: (now) => outboxDepth(o.db.technical, now),
    },
  };
  return {
    direct,
    async run(fn) {
      let queued = 0;
      let committed: CommittedAudit[] = [];
      const result = await o.db.transaction(async (tx) => {
        const events: AuditRecord[] = [];
        // The chain's head is locked once, last: by the transaction's last write when its
        // repository can (one statement less), else just before the events are added.
        let head: Promise<AuditHead> | null = null;
        const headLock: HeadLock = {
          take: () => (head ??= lockAuditHead(tx)),
          takenBy: (h) => {
            if (head !== null) throw new Error("the audit head is already locked");
            h.catch(() => undefined); // awaited only when events follow
            head = h;
          },
        };
        const q: Queryable = {
          query: (sql, params) => {
            // No lock may be taken after the head's (appends from other transactions wait on
            // it while holding theirs): a deadlock waiting to happen.
            if (head !== null) throw new Error("a statement after the audit head was locked");
            return tx.query(sql, params);
          },
          exec: (sql) => tx.exec(sql),
        };
        const repos: Repos = {
          ...bind(q, headLock),
          outbox: {
            async enqueue(m, now) {
              await enqueue(q, o.outboxKey, m, now);
              queued++;
            },
          },
          audit: {
            record(e) {
              events.push(e);
            },
          },
        };
        const value = await fn(repos);
        if (events.length > 0) {
          const append = auditAppendStatement(
            o.auditKeys,
            await headLock.take(),
            events,
            o.clock.now(),
          );
          tx.beforeCommit(append);
          committed = events.map((e, i) => ({
            id: append.eventIds[i] ?? "",
            type: e.type,
            outcome: e.outcome,
          }));
        }
        return value;
      });
      if (committed.length > 0) o.auditCommitted?.(committed);
      if (queued > 0) o.messagesQueued();
      return result;
    },
  };
}
