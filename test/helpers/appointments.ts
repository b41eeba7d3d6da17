/** Builders for the appointment journeys (test/http/appointments*.test.ts, test/browser/appointments.test.ts). */
import assert from "node:assert/strict";
import { api, type TestService } from "./app.ts";

let seq = 0;

/** A booking body for a slot; a fresh e-mail each time (limits per contact stay out of the way). */
export function aBooking(
  officeId: string,
  start: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  seq += 1;
  return {
    officeId,
    start,
    purpose: "mv35",
    name: `Ana María Pérez ${seq}`,
    email: `ana.${process.pid}.${seq}@example.com`,
    ...overrides,
  };
}

export interface Slot {
  start: string;
  available: number;
}

export async function slotsOf(
  s: TestService,
  officeId: string,
  query = "",
): Promise<{ slots: Slot[]; from: string; to: string }> {
  const res = await api(s, "GET", `/api/v1/offices/${officeId}/slots${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** Books a slot and returns its booking code (asserting the 201). */
export async function book(
  s: TestService,
  officeId: string,
  start: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await api(s, "POST", "/api/v1/appointments", aBooking(officeId, start, overrides));
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ bookingCode: string }>().bookingCode;
}

export async function countRows(s: TestService, sql: string, params: string[] = []) {
  return (await s.tdb.db.query(sql, params)).length;
}
