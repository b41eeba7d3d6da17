/** What the appointment flows need from storage (migration 013, store/repos/appointments.ts). */
import type { AppointmentPurpose } from "../domain/slots.ts";

export type AppointmentStatus = "booked" | "cancelled" | "attended" | "no_show";

export interface NewAppointment {
  id: string;
  codeHash: string;
  officeId: string;
  start: Date;
  /** The slot's date in Rome. */
  day: string;
  purpose: AppointmentPurpose;
  name: string;
  fiscalCode: string | null;
  channel: "sms" | "email";
  recipient: string;
  lang: "it" | "en";
  createdAt: Date;
}

/** An appointment as the clerks' calendar shows it. */
export interface CalendarEntry {
  id: string;
  officeId: string;
  start: Date;
  desk: number;
  purpose: AppointmentPurpose;
  name: string;
  fiscalCode: string | null;
  status: AppointmentStatus;
}

/** What a cancellation or a reminder needs to tell the person. */
export interface AppointmentNotice {
  id: string;
  officeId: string;
  start: Date;
  purpose: AppointmentPurpose;
  fiscalCode: string | null;
  channel: "sms" | "email";
  recipient: string;
  lang: "it" | "en";
}

export interface AppointmentStore {
  /**
   * Takes a free desk of the slot (1…desks): true when booked, false when every desk is taken.
   * The database decides between concurrent bookings (a unique index per office, start, desk).
   */
  book(a: NewAppointment, desks: number): Promise<boolean>;
  /** Live appointments per slot start (ms since the epoch) of an office between two days. */
  bookedCounts(officeId: string, fromDay: string, toDay: string): Promise<Map<number, number>>;
  /** Cancels the booked, not yet started appointment with this code hash; null: none. */
  cancel(codeHash: string, now: Date): Promise<AppointmentNotice | null>;
  /** The live appointments of an office on a day, in order of time and desk. */
  ofDay(officeId: string, day: string): Promise<CalendarEntry[]>;
  find(id: string): Promise<CalendarEntry | null>;
  /** Records attendance of a live appointment; false when it is cancelled or unknown. */
  markAttendance(
    id: string,
    attended: boolean,
    staffId: string,
    now: Date,
  ): Promise<CalendarEntry | null>;
  /** Marks the booked appointments of a day not yet reminded as reminded and returns them. */
  takeReminders(day: string, now: Date): Promise<AppointmentNotice[]>;
  /** The appointments booked with this fiscal code (the personal-data export). */
  ofPerson(fiscalCode: string): Promise<CalendarEntry[]>;
  /** Retention: deletes appointments that began before `before`; how many. */
  deleteOlderThan(before: Date): Promise<number>;
}
