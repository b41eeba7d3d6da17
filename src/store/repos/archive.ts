/** The archive of insured persons: loaded in bulk, read by the flows. */
import type { ArchivePerson, ContributionPeriod, PensionPayment } from "../../domain/archive.ts";
import type { ArchiveIdentity } from "../../flows/ports.ts";
import type { Queryable } from "../db.ts";

interface PersonRow {
  fiscal_code: string;
  surname: string;
  given_names: string;
  sex: "M" | "F";
  birth_date: string;
  birth_place_code: string;
  res_line1: string;
  res_line2: string | null;
  res_city: string;
  res_region: string | null;
  res_postal_code: string;
  res_country: string;
  italian_id_on_file: boolean;
  health_card_number: string | null;
  health_card_expiry: string | null;
  mobile: string | null;
  email: string | null;
  pec: string | null;
}

export type { ArchiveIdentity };

const PERSON_COLUMNS = `fiscal_code, surname, given_names, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date,
  birth_place_code, res_line1, res_line2, res_city, res_region, res_postal_code, res_country,
  italian_id_on_file, health_card_number, to_char(health_card_expiry, 'YYYY-MM-DD') AS health_card_expiry,
  mobile, email, pec`;

const orUndef = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function toIdentity(r: PersonRow): ArchiveIdentity {
  return {
    fiscalCode: r.fiscal_code,
    surname: r.surname,
    givenNames: r.given_names,
    sex: r.sex,
    birthDate: r.birth_date,
    birthPlaceCode: r.birth_place_code,
    residence: {
      line1: r.res_line1,
      line2: orUndef(r.res_line2),
      city: r.res_city,
      region: orUndef(r.res_region),
      postalCode: r.res_postal_code,
      country: r.res_country,
    },
    italianIdOnFile: r.italian_id_on_file,
    healthCard:
      r.health_card_number !== null && r.health_card_expiry !== null
        ? { number: r.health_card_number, expiry: r.health_card_expiry }
        : undefined,
    mobile: orUndef(r.mobile),
    email: orUndef(r.email),
    pec: orUndef(r.pec),
  };
}

export async function findPerson(
  q: Queryable,
  fiscalCode: string,
): Promise<ArchiveIdentity | null> {
  const rows = await q.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM archive_person WHERE fiscal_code = $1`,
    [fiscalCode],
  );
  const row = rows[0];
  return row === undefined ? null : toIdentity(row);
}

export async function listPeople(
  q: Queryable,
  limit: number,
  offset = 0,
): Promise<ArchiveIdentity[]> {
  const rows = await q.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM archive_person ORDER BY fiscal_code LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return rows.map(toIdentity);
}

export async function countPeople(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM archive_person");
  return rows[0]?.n ?? 0;
}

export async function contributions(
  q: Queryable,
  fiscalCode: string,
): Promise<ContributionPeriod[]> {
  const rows = await q.query<{
    period_from: string;
    period_to: string;
    employer: string;
    kind: string;
    weeks: number;
    earnings_cents: number;
  }>(
    `SELECT to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to,
            employer, kind, weeks, earnings_cents::float8 AS earnings_cents
       FROM archive_contribution WHERE fiscal_code = $1 ORDER BY period_from, id`,
    [fiscalCode],
  );
  return rows.map((r) => ({
    from: r.period_from,
    to: r.period_to,
    employer: r.employer,
    kind: r.kind,
    weeks: r.weeks,
    earningsCents: r.earnings_cents,
  }));
}

export async function pensionPayments(q: Queryable, fiscalCode: string): Promise<PensionPayment[]> {
  const rows = await q.query<{
    month: string;
    gross_cents: number;
    tax_cents: number;
    net_cents: number;
    category: string;
  }>(
    `SELECT month, gross_cents::float8 AS gross_cents, tax_cents::float8 AS tax_cents,
            net_cents::float8 AS net_cents, category
       FROM archive_pension_payment WHERE fiscal_code = $1 ORDER BY month DESC`,
    [fiscalCode],
  );
  return rows.map((r) => ({
    month: r.month,
    grossCents: r.gross_cents,
    taxCents: r.tax_cents,
    netCents: r.net_cents,
    category: r.category,
  }));
}

/**
 * Inserts or replaces people (identity, contributions, pensions) in one transaction per call.
 * Batched multi-row statements keep a 1,000-person seed to a few round trips.
 */
export async function upsertPeople(q: Queryable, people: readonly ArchivePerson[]): Promise<void> {
  const BATCH = 200;
  for (let i = 0; i < people.length; i += BATCH) {
    const batch = people.slice(i, i + BATCH);
    const codes = batch.map((p) => p.fiscalCode);
    await q.query("DELETE FROM archive_contribution WHERE fiscal_code = ANY($1)", [codes]);
    await q.query("DELETE FROM archive_pension_payment WHERE fiscal_code = ANY($1)", [codes]);
    await q.query(
      `INSERT INTO archive_person (fiscal_code, surname, given_names, sex, birth_date, birth_place_code,
         res_line1, res_line2, res_city, res_region, res_postal_code, res_country, italian_id_on_file,
         health_card_number, health_card_expiry, mobile, email, pec)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(fiscal_code text, surname text, given_names text,
         sex char(1), birth_date date, birth_place_code text, res_line1 text, res_line2 text, res_city text,
         res_region text, res_postal_code text, res_country char(2), italian_id_on_file boolean,
         health_card_number text, health_card_expiry date, mobile text, email text, pec text)
       ON CONFLICT (fiscal_code) DO UPDATE SET surname = EXCLUDED.surname, given_names = EXCLUDED.given_names,
         sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date, birth_place_code = EXCLUDED.birth_place_code,
         res_line1 = EXCLUDED.res_line1, res_line2 = EXCLUDED.res_line2, res_city = EXCLUDED.res_city,
         res_region = EXCLUDED.res_region, res_postal_code = EXCLUDED.res_postal_code,
         res_country = EXCLUDED.res_country, italian_id_on_file = EXCLUDED.italian_id_on_file,
         health_card_number = EXCLUDED.health_card_number, health_card_expiry = EXCLUDED.health_card_expiry,
         mobile = EXCLUDED.mobile, email = EXCLUDED.email, pec = EXCLUDED.pec, updated_at = now()`,
      [
        JSON.stringify(
          batch.map((p) => ({
            fiscal_code: p.fiscalCode,
            surname: p.surname,
            given_names: p.givenNames,
            sex: p.sex,
            birth_date: p.birthDate,
            birth_place_code: p.birthPlaceCode,
            res_line1: p.residence.line1,
            res_line2: p.residence.line2 ?? null,
            res_city: p.residence.city,
            res_region: p.residence.region ?? null,
            res_postal_code: p.residence.postalCode,
            res_country: p.residence.country,
            italian_id_on_file: p.italianIdOnFile,
            health_card_number: p.healthCard?.number ?? null,
            health_card_expiry: p.healthCard?.expiry ?? null,
            mobile: p.mobile ?? null,
            email: p.email ?? null,
            pec: p.pec ?? null,
          })),
        ),
      ],
    );
    const contribs = batch.flatMap((p) =>
      p.contributions.map((c) => ({
        fiscal_code: p.fiscalCode,
        period_from: c.from,
        period_to: c.to,
        employer: c.employer,
        kind: c.kind,
        weeks: c.weeks,
        earnings_cents: c.earningsCents,
      })),
    );
    if (contribs.length > 0) {
      await q.query(
        `INSERT INTO archive_contribution (fiscal_code, period_from, period_to, employer, kind, weeks, earnings_cents)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(fiscal_code text, period_from date, period_to date,
           employer text, kind text, weeks integer, earnings_cents bigint)`,
        [JSON.stringify(contribs)],
      );
    }
    const pensions = batch.flatMap((p) =>
      p.pensionPayments.map((m) => ({
        fiscal_code: p.fiscalCode,
        month: m.month,
        gross_cents: m.grossCents,
        tax_cents: m.taxCents,
        net_cents: m.netCents,
        category: m.category,
      })),
    );
    if (pensions.length > 0) {
      await q.query(
        `INSERT INTO archive_pension_payment (fiscal_code, month, gross_cents, tax_cents, net_cents, category)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(fiscal_code text, month char(7), gross_cents bigint,
           tax_cents bigint, net_cents bigint, category text)`,
        [JSON.stringify(pensions)],
      );
    }
  }
}
