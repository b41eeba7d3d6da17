/**
 * Desk appointments for anyone, without credentials (flows/appointments.ts): the offices, their
 * free slots, booking and cancelling with the booking code.
 */
import type { FastifyInstance } from "fastify";
import { APPOINTMENT_PURPOSES } from "../../domain/slots.ts";
import * as appointments from "../../flows/appointments.ts";
import type { AppContext } from "../context.ts";
import { anonymousOf } from "../request.ts";
import { json, problem } from "./docs.ts";

const TAGS = ["appointments"];
const purpose = { type: "string", enum: [...APPOINTMENT_PURPOSES] };
const date = { type: "string", format: "date", example: "2026-03-04" };
const instant = { type: "string", example: "2026-03-04T07:30:00Z" };

const schemas = {
  offices: {
    tags: TAGS,
    summary: "INPS offices that receive the public at a desk",
    response: {
      200: json(
        {
          type: "object",
          properties: {
            offices: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string" },
                  name: {
                    type: "object",
                    properties: { it: { type: "string" }, en: { type: "string" } },
                  },
                  address: { type: "string" },
                  city: { type: "string" },
                  desks: { type: "integer" },
                  slotMinutes: { type: "integer" },
                  hours: { type: "object", description: "Opening spans per weekday, Rome time" },
                },
              },
            },
          },
        },
        "The offices",
      ),
    },
  },
  slots: {
    tags: TAGS,
    summary: "Free appointment slots of an office",
    description:
      "Slots not yet started, within the booking horizon (60 days), on days the office is open (no national or local holidays). `from` defaults to today (Rome), `to` to 13 days later; at most 31 days per request. Each slot's `start` is what a booking sends back.",
    params: { type: "object", properties: { id: { type: "string" } } },
    querystring: { type: "object", properties: { purpose, from: date, to: date } },
    response: {
      200: json(
        {
          type: "object",
          properties: {
            officeId: { type: "string" },
            purpose,
            from: date,
            to: date,
            slots: {
              type: "array",
              items: {
                type: "object",
                properties: { start: instant, available: { type: "integer" } },
              },
            },
          },
        },
        "Free slots, in order",
      ),
      404: problem,
      422: problem,
    },
  },
  book: {
    tags: TAGS,
    summary: "Book a desk appointment (no credentials)",
    description:
      "`start` must be exactly a free slot's start (ISO instant in UTC). A mobile (SMS) or an e-mail receives the confirmation with the booking code (the e-mail when both are given) and a reminder the day before. 409 APPOINTMENT_SLOT_FULL when every desk of the slot was taken meanwhile.",
    body: {
      type: "object",
      required: ["officeId", "start", "purpose", "name"],
      properties: {
        officeId: { type: "string", example: "roma-eur" },
        start: instant,
        purpose,
        name: { type: "string", maxLength: 100 },
        fiscalCode: { type: "string", maxLength: 40 },
        mobile: { type: "string", maxLength: 40 },
        email: { type: "string", maxLength: 254 },
        lang: { type: "string", enum: ["it", "en"] },
      },
    },
    response: {
      201: json(
        {
          type: "object",
          properties: {
            bookingCode: { type: "string", example: "7K3M-Q9XA-2BDF-HT0R" },
            officeId: { type: "string" },
            start: instant,
            purpose,
            sentTo: { type: "string", description: "masked" },
          },
        },
        "Booked",
      ),
      400: problem,
      409: problem,
      415: problem,
      422: problem,
      429: problem,
    },
  },
  cancel: {
    tags: TAGS,
    summary: "Cancel a desk appointment with its booking code",
    description:
      "A code that is malformed, unknown, already cancelled or of an appointment already begun answers the same 404.",
    params: { type: "object", properties: { bookingCode: { type: "string" } } },
    response: { 204: { description: "Cancelled" }, 404: problem, 429: problem },
  },
};

export function appointmentRoutes(ctx: AppContext) {
  const pub = { journey: "public" as const };
  return async function appointmentResource(app: FastifyInstance): Promise<void> {
    app.get("/offices", { schema: schemas.offices, config: pub }, async () => ({
      offices: appointments.listOffices(),
    }));
    app.get("/offices/:id/slots", { schema: schemas.slots, config: pub }, async (req) => {
      const q = req.query as Record<string, unknown>;
      return appointments.freeSlots(ctx, {
        officeId: (req.params as { id: string }).id,
        purpose: q.purpose,
        from: q.from,
        to: q.to,
      });
    });
    app.post("/appointments", { schema: schemas.book, config: pub }, async (req, reply) => {
      const booked = await appointments.bookAppointment(ctx, {
        by: anonymousOf(req),
        body: req.body,
      });
      return reply.code(201).send(booked);
    });
    app.delete(
      "/appointments/:bookingCode",
      { schema: schemas.cancel, config: pub },
      async (req, reply) => {
        await appointments.cancelAppointment(ctx, {
          by: anonymousOf(req),
          code: (req.params as { bookingCode: string }).bookingCode,
        });
        return reply.code(204).send();
      },
    );
  };
}
