/** Desk appointments (migration 013, flows/appointments*.ts). */
import type { AppointmentPurpose } from "../../domain/slots.ts";
import type {
  AppointmentNotice,
  AppointmentStatus,
  CalendarEntry,
  NewAppointment,
} from "../../flows/ports-appointments.ts";
import type { Queryable } from "../db.ts";

interface EntryRow {
  id: string;
  office_id: string;
  start_at: Date;
  desk: number;
  purpose: AppointmentPurpose;
  name: string;
  fiscal_code: string | null;
  status: AppointmentStatus;
}

interface NoticeRow {
  id: string;
  office_id: string;
  start_at: Date;
  purpose: AppointmentPurpose;
  fiscal_code: string | null;
  channel: "sms" | "email";
  recipient: string;
  lang: "it" | "en";
}

const ENTRY = "id, office_id, start_at, desk, purpose, name, fiscal_code, status";
const NOTICE = "id, office_id, start_at, purpose, fiscal_code, channel, recipient, lang";

const entry = (r: EntryRow): CalendarEntry => ({
  id: r.id,
  officeId: r.office_id,
  start: r.start_at,
  desk: r.desk,
  purpose: r.purpose,
  name: r.name,
  fiscalCode: r.fiscal_code,
  status: r.status,
});

const notice = (r: NoticeRow): AppointmentNotice => ({
  id: r.id,
  officeId: r.office_id,
  start: r.start_at,
  purpose: r.purpose,
  fiscalCode: r.fiscal_code,
  channel: r.channel,
  recipient: r.recipient,
  lang: r.lang,
});

/**
 * Desk by desk, lowest first: the insert either takes the desk or, when a live appointment
 * holds it (committed, or committed meanwhile by a concurrent booking it waited for), does
 * nothing. No check-then-insert: the unique index is the only judge.
 */
export async function bookAppointment(
  q: Queryable,
  a: NewAppointment,
  desks: number,
): Promise<boolean> {
  for (let desk = 1; desk <= desks; desk++) {
    const rows = await q.query<{ id: string }>(
      `INSERT INTO appointment (id, code_hash, office_id, start_at, day, desk, purpose, name,
         fiscal_code, channel, recipient, lang, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'booked', $13)
       ON CONFLICT (office_id, start_at, desk) WHERE status <> 'cancelled' DO NOTHING
       RETURNING id`,
      [
        a.id,
        a.codeHash,
        a.officeId,
        a.start,
        a.day,
        desk,
        a.purpose,
        a.name,
        a.fiscalCode,
        a.channel,
        a.recipient,
        a.lang,
        a.createdAt,
      ],
    );
    if (rows.length > 0) return true;
  }
  return false;
}

export async function bookedCounts(
  q: Queryable,
  officeId: string,
  fromDay: string,
  toDay: string,
): Promise<Map<number, number>> {
  const rows = await q.query<{ start_at: Date; n: number }>(
    `SELECT start_at, count(*)::int AS n FROM appointment
      WHERE office_id = $1 AND day BETWEEN $2 AND $3 AND status <> 'cancelled'
      GROUP BY start_at`,
    [officeId, fromDay, toDay],
  );
  return new Map(rows.map((r) => [r.start_at.getTime(), r.n]));
}

export async function cancelAppointment(
  q: Queryable,
  codeHash: string,
  now: Date,
): Promise<AppointmentNotice | null> {
  const rows = await q.query<NoticeRow>(
    `UPDATE appointment SET status = 'cancelled', cancelled_at = $2
      WHERE code_hash = $1 AND status = 'booked' AND start_at > $2
     RETURNING ${NOTICE}`,
    [codeHash, now],
  );
  return rows[0] === undefined ? null : notice(rows[0]);
}

export async function appointmentsOfDay(
  q: Queryable,
  officeId: string,
  day: string,
): Promise<CalendarEntry[]> {
  const rows = await q.query<EntryRow>(
    `SELECT ${ENTRY} FROM appointment
      WHERE office_id = $1 AND day = $2 AND status <> 'cancelled'
      ORDER BY start_at, desk`,
    [officeId, day],
  );
  return rows.map(entry);
}

export async function findAppointment(q: Queryable, id: string): Promise<CalendarEntry | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu.test(id)) return null;
  const rows = await q.query<EntryRow>(`SELECT ${ENTRY} FROM appointment WHERE id = $1`, [id]);
  return rows[0] === undefined ? null : entry(rows[0]);
}

export async function markAttendance(
  q: Queryable,
  id: string,
  attended: boolean,
  staffId: string,
  now: Date,
): Promise<CalendarEntry | null> {
  const rows = await q.query<EntryRow>(
    `UPDATE appointment SET status = $2, attendance_at = $4, attendance_by = $3
      WHERE id = $1 AND status <> 'cancelled'
     RETURNING ${ENTRY}`,
    [id, attended ? "attended" : "no_show", staffId, now],
  );
  return rows[0] === undefined ? null : entry(rows[0]);
}

/** One statement: of concurrent housekeeping runs each appointment is taken by one. */
export async function takeReminders(
  q: Queryable,
  day: string,
  now: Date,
): Promise<AppointmentNotice[]> {
  const rows = await q.query<NoticeRow>(
    `UPDATE appointment SET reminded_at = $2
      WHERE day = $1 AND status = 'booked' AND reminded_at IS NULL AND start_at > $2
     RETURNING ${NOTICE}`,
    [day, now],
  );
  return rows.map(notice);
}

export async function appointmentsOf(q: Queryable, fiscalCode: string): Promise<CalendarEntry[]> {
  const rows = await q.query<EntryRow>(
    `SELECT ${ENTRY} FROM appointment WHERE fiscal_code = $1 ORDER BY start_at DESC`,
    [fiscalCode],
  );
  return rows.map(entry);
}

export async function deleteOldAppointments(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query<{ one: number }>(
    "DELETE FROM appointment WHERE start_at < $1 RETURNING 1 AS one",
    [before],
  );
  return rows.length;
}
