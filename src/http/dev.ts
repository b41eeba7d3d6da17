/**
 * Development aids, registered only when APP_ENV=development: the demo people with ready
 * claims, the outbox of every message "sent", and a clock that can be moved forward to see a
 * lockout end or a PIN expire. A production build answers 404 to all of these.
 */
import type { FastifyInstance } from "fastify";
import { getExampleNumber, type CountryCode as PhoneCountry } from "libphonenumber-js/max";
import mobileExamples from "libphonenumber-js/mobile/examples";
import { z } from "zod";
import type { OffsetClock } from "../domain/clock.ts";
import { lookupBelfiore } from "../domain/belfiore.ts";
import { AppError } from "../domain/errors.ts";
import { listDevOutbox, readDevOutboxPdf } from "../notifications/dev-outbox.ts";
import { listPeople, type ArchiveIdentity } from "../store/repos/archive.ts";
import { createHash } from "node:crypto";
import type { AppContext } from "./context.ts";
import { langOf } from "./lang.ts";
import { devOutboxPage, devPeoplePage } from "../web/pages/dev.ts";

export type Ineligibility =
  "resident_in_italy" | "italian_id_on_file" | "pin_already_active" | "claim_pending";

export interface DevPerson {
  fiscalCode: string;
  name: string;
  country: string;
  eligible: boolean;
  reason?: Ineligibility;
  claim: Record<string, unknown>;
}

/** A valid POST /api/v1/claims body built from the archive record. */
export function claimFor(p: ArchiveIdentity): Record<string, unknown> {
  const place = lookupBelfiore(p.birthPlaceCode);
  const bornInItaly = place?.kind === "municipality";
  const docNumber = createHash("sha256")
    .update(p.fiscalCode)
    .digest("hex")
    .slice(0, 8)
    .toUpperCase();
  return {
    fiscalCode: p.fiscalCode,
    surname: p.surname,
    givenNames: p.givenNames,
    sex: p.sex,
    birthDate: p.birthDate,
    birthCountry: bornInItaly ? "IT" : (place?.iso2 ?? ""),
    ...(bornInItaly ? { birthMunicipality: place.name } : {}),
    residence: {
      country: p.residence.country,
      line1: p.residence.line1,
      ...(p.residence.line2 !== undefined ? { line2: p.residence.line2 } : {}),
      city: p.residence.city,
      ...(p.residence.region !== undefined ? { region: p.residence.region } : {}),
      postalCode: p.residence.postalCode,
    },
    // Some demo people have no mobile or e-mail on file (for the recovery flow); the claim
    // must still be a valid body, so they get an example contact (never a real one).
    mobile: p.mobile ?? demoMobile(p.residence.country),
    email: p.email ?? `demo.${p.fiscalCode.toLowerCase()}@example.org`,
    delivery: "sms",
    document: { type: "passport", number: `P${docNumber}`, issuingCountry: p.residence.country },
    lang: "it",
  };
}

/** The example mobile number of a country (libphonenumber's metadata), in E.164. */
function demoMobile(country: string): string {
  try {
    return getExampleNumber(country as PhoneCountry, mobileExamples)?.number ?? "";
  } catch {
    return "";
  }
}

export async function devPeople(ctx: AppContext): Promise<DevPerson[]> {
  const people = await listPeople(ctx.db, 5000);
  const taken = new Map(
    (
      await ctx.db.query<{ fiscal_code: string; what: "pin" | "claim" }>(
        `SELECT fiscal_code, 'pin' AS what FROM credential WHERE status = 'active'
         UNION ALL SELECT fiscal_code, 'claim' AS what FROM claim WHERE status = 'under_verification'`,
      )
    ).map((r) => [r.fiscal_code, r.what]),
  );
  const out = people.map((p): DevPerson => {
    const reason: Ineligibility | undefined =
      p.residence.country === "IT"
        ? "resident_in_italy"
        : p.italianIdOnFile
          ? "italian_id_on_file"
          : taken.get(p.fiscalCode) === "pin"
            ? "pin_already_active"
            : taken.get(p.fiscalCode) === "claim"
              ? "claim_pending"
              : undefined;
    return {
      fiscalCode: p.fiscalCode,
      name: `${p.givenNames} ${p.surname}`,
      country: p.residence.country,
      eligible: reason === undefined,
      ...(reason === undefined ? {} : { reason }),
      claim: claimFor(p),
    };
  });
  // Eligible first; the demo archive's "nice" people (lowest index) are not known here, so
  // keep the archive order within each group.
  return [...out.filter((p) => p.eligible), ...out.filter((p) => !p.eligible)];
}

const clockBody = z.object({
  advanceSeconds: z
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 24 * 3600),
});

export function devRoutes(ctx: AppContext, clock: OffsetClock) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    // Belt and braces: development only listens on loopback, and these pages answer only
    // requests from this machine.
    app.addHook("onRequest", async (req) => {
      if (!["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(req.ip))
        throw new AppError("NOT_FOUND");
    });
    app.get("/people.json", { schema: { hide: true } }, async () => devPeople(ctx));
    app.get("/", { schema: { hide: true } }, async (req, reply) =>
      reply
        .type("text/html; charset=utf-8")
        .send(devPeoplePage(langOf(req), await devPeople(ctx), clock)),
    );
    app.get("/outbox.json", { schema: { hide: true } }, async () =>
      listDevOutbox(ctx.config.outboxDir),
    );
    app.get("/outbox", { schema: { hide: true } }, async (req, reply) =>
      reply
        .type("text/html; charset=utf-8")
        .send(devOutboxPage(langOf(req), await listDevOutbox(ctx.config.outboxDir))),
    );
    app.get("/outbox/:file", { schema: { hide: true } }, async (req, reply) => {
      const file = (req.params as { file: string }).file;
      const id = file.endsWith(".pdf") ? file.slice(0, -4) : "";
      const pdf = await readDevOutboxPdf(ctx.config.outboxDir, id);
      if (pdf === null) throw new AppError("NOT_FOUND");
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${id}.pdf"`)
        .send(pdf);
    });
    app.get("/clock", { schema: { hide: true } }, async () => ({
      now: clock.now().toISOString(),
      offsetSeconds: clock.offsetSeconds,
    }));
    app.post("/clock", { schema: { hide: true } }, async (req) => {
      const parsed = clockBody.safeParse(req.body);
      if (!parsed.success) {
        throw new AppError(
          typeof req.body === "object" && req.body !== null
            ? "VALIDATION_FAILED"
            : "MALFORMED_REQUEST",
          {
            fields: [{ field: "advanceSeconds", code: "invalid" }],
          },
        );
      }
      clock.advance(parsed.data.advanceSeconds);
      ctx.messagesQueued();
      return { now: clock.now().toISOString(), offsetSeconds: clock.offsetSeconds };
    });
  };
}
