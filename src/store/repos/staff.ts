/** Staff accounts, recovery codes and staff sessions (flows/ports-staff.ts). */
import { ConflictError } from "../../domain/errors.ts";
import { isUuid } from "../../domain/ids.ts";
import type { StaffRole, StaffStatus } from "../../domain/staff.ts";
import type { NewStaffAccount, StaffAccount, StaffSessionRecord } from "../../flows/ports-staff.ts";
import { isUniqueViolation, type Queryable } from "../db.ts";

interface AccountRow {
  id: string;
  username: string;
  role: StaffRole;
  office_id: string | null;
  status: StaffStatus;
  password_hash: string | null;
  totp_sealed: string | null;
  totp_last_step: string | number | null;
  enrolment_expires_at: Date | null;
  enrolment_started_at: Date | null;
  failures: number;
  locked_until: Date | null;
  enrolment_issued_by: string | null;
  created_at: Date;
  last_login_at: Date | null;
}

const COLUMNS = `id, username, role, office_id, status, password_hash, totp_sealed, totp_last_step,
  enrolment_expires_at, enrolment_started_at, failures, locked_until, enrolment_issued_by, created_at,
  last_login_at`;

const toAccount = (r: AccountRow): StaffAccount => ({
  id: r.id,
  username: r.username,
  role: r.role,
  officeId: r.office_id,
  status: r.status,
  passwordHash: r.password_hash,
  totpSealed: r.totp_sealed,
  totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
  enrolmentExpiresAt: r.enrolment_expires_at,
  enrolmentStartedAt: r.enrolment_started_at,
  failures: r.failures,
  lockedUntil: r.locked_until,
  enrolmentIssuedBy: r.enrolment_issued_by,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

export async function createStaff(q: Queryable, a: NewStaffAccount): Promise<void> {
  try {
    await q.query(
      `INSERT INTO staff_account (id, username, role, office_id, status, enrolment_hash,
                                  enrolment_expires_at, enrolment_issued_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'enrolling', $5, $6, $8, $7, $7)`,
      [
        a.id,
        a.username,
        a.role,
        a.officeId,
        a.enrolmentHash,
        a.enrolmentExpiresAt,
        a.now,
        a.issuedBy,
      ],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("username taken", { cause: err });
    throw err;
  }
}

async function one(q: Queryable, where: string, params: (string | Date)[], lock = "") {
  const rows = await q.query<AccountRow>(
    `SELECT ${COLUMNS} FROM staff_account WHERE ${where} ${lock}`,
    params,
  );
  return rows[0] === undefined ? null : toAccount(rows[0]);
}

export const staffByUsername = (q: Queryable, username: string) =>
  one(q, "lower(username) = lower($1)", [username]);

export const staffById = (q: Queryable, id: string) =>
  isUuid(id) ? one(q, "id = $1", [id]) : Promise.resolve(null);

export const staffByEnrolment = (q: Queryable, hash: string, now: Date) =>
  one(
    q,
    "enrolment_hash = $1 AND enrolment_expires_at > $2 AND status = 'enrolling'",
    [hash, now],
    "FOR UPDATE",
  );

export async function listStaff(q: Queryable): Promise<StaffAccount[]> {
  const rows = await q.query<AccountRow>(
    `SELECT ${COLUMNS} FROM staff_account ORDER BY lower(username)`,
  );
  return rows.map(toAccount);
}

export async function startEnrolment(
  q: Queryable,
  id: string,
  e: { passwordHash: string; totpSealed: string; recoveryHashes: readonly string[]; now: Date },
): Promise<void> {
  await q.query(
    `UPDATE staff_account SET password_hash = $2, totp_sealed = $3, totp_last_step = NULL,
            enrolment_started_at = $4, updated_at = $4 WHERE id = $1`,
    [id, e.passwordHash, e.totpSealed, e.now],
  );
  await replaceRecoveryCodes(q, id, e.recoveryHashes);
}

export async function completeEnrolment(
  q: Queryable,
  id: string,
  step: number,
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE staff_account SET status = 'active', totp_last_step = $2, enrolment_hash = NULL,
            enrolment_expires_at = NULL, failures = 0, locked_until = NULL, updated_at = $3
      WHERE id = $1`,
    [id, step, now],
  );
}

export async function resetEnrolment(
  q: Queryable,
  id: string,
  link: { hash: string; expiresAt: Date; issuedBy: string | null },
  now: Date,
): Promise<number> {
  await q.query(
    `UPDATE staff_account SET status = 'enrolling', password_hash = NULL, totp_sealed = NULL,
            totp_last_step = NULL, enrolment_hash = $2, enrolment_expires_at = $3,
            enrolment_issued_by = $5, enrolment_started_at = NULL, failures = 0,
            locked_until = NULL, updated_at = $4
      WHERE id = $1`,
    [id, link.hash, link.expiresAt, now, link.issuedBy],
  );
  await q.query("DELETE FROM staff_recovery_code WHERE staff_id = $1", [id]);
  return deleteSessionsOf(q, id);
}

async function deleteSessionsOf(q: Queryable, id: string): Promise<number> {
  const rows = await q.query<{ one: number }>(
    "DELETE FROM staff_session WHERE staff_id = $1 RETURNING 1 AS one",
    [id],
  );
  return rows.length;
}

export async function setStaffStatus(
  q: Queryable,
  id: string,
  status: "active" | "disabled",
  now: Date,
): Promise<number> {
  // Enabling gives back a disabled account only, active if its enrolment was completed (no
  // link left), else enrolling without a link (a reset issues one). Disabling kills the link.
  await q.query(
    `UPDATE staff_account
        SET status = CASE
              WHEN $2 = 'disabled' THEN 'disabled'
              WHEN status <> 'disabled' THEN status
              WHEN enrolment_hash IS NULL AND totp_last_step IS NOT NULL THEN 'active'
              ELSE 'enrolling' END,
            enrolment_hash = CASE WHEN $2 = 'disabled' THEN NULL ELSE enrolment_hash END,
            enrolment_expires_at = CASE WHEN $2 = 'disabled' THEN NULL ELSE enrolment_expires_at END,
            failures = 0, locked_until = NULL, updated_at = $3
      WHERE id = $1`,
    [id, status, now],
  );
  return status === "disabled" ? deleteSessionsOf(q, id) : 0;
}

export async function reserveStaffAttempt(
  q: Queryable,
  id: string,
  maxFailures: number,
  now: Date,
): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    `UPDATE staff_account
        SET failures = CASE WHEN locked_until IS NOT NULL AND locked_until <= $3 THEN 1 ELSE failures + 1 END,
            locked_until = CASE WHEN locked_until <= $3 THEN NULL ELSE locked_until END
      WHERE id = $1
        AND (locked_until IS NULL OR locked_until <= $3)
        AND (failures < $2 OR locked_until <= $3)
      RETURNING 1 AS one`,
    [id, maxFailures, now],
  );
  return rows.length === 1;
}

export async function recordStaffFailure(
  q: Queryable,
  id: string,
  maxFailures: number,
  lockUntil: Date,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const rows = await q.query<{ failures: number; locked_until: Date | null }>(
    `UPDATE staff_account
        SET locked_until = CASE WHEN failures >= $2 THEN $3 ELSE locked_until END
      WHERE id = $1
      RETURNING failures, locked_until`,
    [id, maxFailures, lockUntil],
  );
  const r = rows[0];
  return { failures: r?.failures ?? 0, lockedUntil: r?.locked_until ?? null };
}

export async function staffLockedUntil(q: Queryable, id: string, now: Date): Promise<Date | null> {
  const rows = await q.query<{ locked_until: Date | null }>(
    "SELECT locked_until FROM staff_account WHERE id = $1 AND locked_until > $2",
    [id, now],
  );
  return rows[0]?.locked_until ?? null;
}

export async function acceptTotpStep(
  q: Queryable,
  id: string,
  step: number,
  now: Date,
): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    `UPDATE staff_account SET totp_last_step = $2, failures = 0,
            last_login_at = $3, updated_at = $3
      WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)
      RETURNING 1 AS one`,
    [id, step, now],
  );
  return rows.length === 1;
}

export async function useRecoveryCode(
  q: Queryable,
  id: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    `UPDATE staff_recovery_code SET used_at = $3
      WHERE staff_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING 1 AS one`,
    [id, hash, now],
  );
  if (rows.length === 0) return false;
  await q.query(
    `UPDATE staff_account SET failures = 0, last_login_at = $2, updated_at = $2 WHERE id = $1`,
    [id, now],
  );
  return true;
}

export async function unusedRecoveryCodes(q: Queryable, id: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM staff_recovery_code WHERE staff_id = $1 AND used_at IS NULL",
    [id],
  );
  return rows[0]?.n ?? 0;
}

export async function replaceRecoveryCodes(
  q: Queryable,
  id: string,
  hashes: readonly string[],
): Promise<void> {
  await q.query("DELETE FROM staff_recovery_code WHERE staff_id = $1", [id]);
  if (hashes.length === 0) return;
  await q.query(
    `INSERT INTO staff_recovery_code (staff_id, code_hash)
     SELECT $1, h FROM unnest($2::text[]) AS h`,
    [id, hashes],
  );
}

export async function createStaffSession(
  q: Queryable,
  s: { idHash: string; staffId: string; now: Date; absoluteExpiry: Date; userAgent: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO staff_session (id_hash, staff_id, created_at, last_seen_at, absolute_expiry, user_agent)
     VALUES ($1, $2, $3, $3, $4, $5)`,
    [s.idHash, s.staffId, s.now, s.absoluteExpiry, s.userAgent?.slice(0, 200) ?? null],
  );
}

export async function findStaffSession(
  q: Queryable,
  idHash: string,
): Promise<StaffSessionRecord | null> {
  const rows = await q.query<
    AccountRow & { id_hash: string; s_created: Date; last_seen_at: Date; absolute_expiry: Date }
  >(
    `SELECT s.id_hash, s.created_at AS s_created, s.last_seen_at, s.absolute_expiry,
            ${COLUMNS.split(",")
              .map((c) => `a.${c.trim()}`)
              .join(", ")}
       FROM staff_session s JOIN staff_account a ON a.id = s.staff_id
      WHERE s.id_hash = $1 AND a.status = 'active'`,
    [idHash],
  );
  const r = rows[0];
  if (r === undefined) return null;
  const a = toAccount(r);
  return {
    idHash: r.id_hash,
    member: {
      id: a.id,
      username: a.username,
      role: a.role,
      officeId: a.officeId,
      status: a.status,
    },
    createdAt: r.s_created,
    lastSeenAt: r.last_seen_at,
    absoluteExpiry: r.absolute_expiry,
  };
}

export async function touchStaffSession(q: Queryable, idHash: string, now: Date): Promise<void> {
  await q.query("UPDATE staff_session SET last_seen_at = $2 WHERE id_hash = $1", [idHash, now]);
}

export async function deleteStaffSession(q: Queryable, idHash: string): Promise<boolean> {
  const rows = await q.query<{ one: number }>(
    "DELETE FROM staff_session WHERE id_hash = $1 RETURNING 1 AS one",
    [idHash],
  );
  return rows.length === 1;
}

export async function deleteExpiredStaffSessions(
  q: Queryable,
  now: Date,
  idleSeconds: number,
): Promise<number> {
  const rows = await q.query<{ one: number }>(
    `DELETE FROM staff_session
      WHERE absolute_expiry <= $1 OR last_seen_at <= $1 - make_interval(secs => $2)
      RETURNING 1 AS one`,
    [now, idleSeconds],
  );
  return rows.length;
}
