/**
 * Consultation (GET /api/v1/me/contributions, /api/v1/me/pension-slips and their pages): the
 * archive's figures for an ordinary and a dispositive PIN, and the refusals before login,
 * during the forced PIN change and during the renewal.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type {
  ArchivePerson,
  ContributionPeriod,
  PensionPayment,
} from "../../src/domain/archive.ts";
import { pinExpiresAt } from "../../src/domain/credential.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { t } from "../../src/i18n/index.ts";
import { page, People, problemOf, rows } from "../helpers/journeys.ts";

interface Statement {
  periods: ContributionPeriod[];
  totals: { weeks: number; years: number; months: number; earningsCents: number };
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/'/gu, "&#39;");
}

describe("consultation", () => {
  let s: TestService;
  let people: People;
  let rich: ArchivePerson; // contributions and a pension
  let empty: ArchivePerson; // nothing on file
  let richPin: string;
  before(async () => {
    s = await startService({ archiveSize: 40 });
    // Chosen by what they have on file, not by position in the archive.
    const reachable = s.eligible.filter((p) => p.mobile !== undefined && p.email !== undefined);
    rich = reachable.find((p) => p.contributions.length >= 3 && p.pensionPayments.length > 0)!;
    empty = reachable.find((p) => p.contributions.length + p.pensionPayments.length === 0)!;
    assert.ok(rich.contributions.length > 0 && rich.pensionPayments.length > 0);
    assert.equal(empty.contributions.length + empty.pensionPayments.length, 0);
    people = new People(s, [rich, empty]);
    richPin = (await personWithPin(s, rich)).pin;
  });
  after(async () => {
    await s.close();
  });

  /** A fresh session of the person with a rich archive record. */
  async function richSession(): Promise<Jar> {
    const jar = new Jar();
    const res = await api(
      s,
      "POST",
      "/api/v1/session",
      { fiscalCode: rich.fiscalCode, pin: richPin },
      jar,
    );
    assert.equal(res.statusCode, 200);
    return jar;
  }

  it("shows an ordinary PIN holder the contribution statement exactly as on file, with its totals", async () => {
    const jar = await richSession();
    const me = await api(s, "GET", "/api/v1/me", undefined, jar);
    assert.equal(me.json<{ level: string }>().level, "ordinary");

    const res = await api(s, "GET", "/api/v1/me/contributions", undefined, jar);
    assert.equal(res.statusCode, 200);
    const st = res.json<Statement>();
    const expected = [...rich.contributions].sort((a, b) => a.from.localeCompare(b.from));
    assert.deepEqual(st.periods, expected);
    const weeks = expected.reduce((n, p) => n + p.weeks, 0);
    assert.deepEqual(st.totals, {
      weeks,
      years: Math.floor(weeks / 52),
      months: Math.floor(((weeks % 52) * 12) / 52),
      earningsCents: expected.reduce((n, p) => n + p.earningsCents, 0),
    });
  });

  it("shows the pension slips as on file, newest first, with gross = tax + net", async () => {
    const richJar = await richSession();
    const res = await api(s, "GET", "/api/v1/me/pension-slips", undefined, richJar);
    assert.equal(res.statusCode, 200);
    const slips = res.json<{ slips: PensionPayment[] }>().slips;
    assert.deepEqual(
      slips,
      [...rich.pensionPayments].sort((a, b) => b.month.localeCompare(a.month)),
    );
    for (const slip of slips) assert.equal(slip.grossCents, slip.taxCents + slip.netCents);
  });

  it("shows an empty statement and no slips to someone with nothing on file", async () => {
    const { jar } = await personWithPin(s, empty);
    const st = (await api(s, "GET", "/api/v1/me/contributions", undefined, jar)).json<Statement>();
    assert.deepEqual(st, {
      periods: [],
      totals: { weeks: 0, years: 0, months: 0, earningsCents: 0 },
    });
    assert.deepEqual((await api(s, "GET", "/api/v1/me/pension-slips", undefined, jar)).json(), {
      slips: [],
    });
  });

  it("works just the same for a dispositive PIN", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    await s.rt.db.query(
      "UPDATE credential SET level = 'dispositive' WHERE fiscal_code = $1 AND status = 'active'",
      [p.fiscalCode],
    );
    const jar = new Jar();
    const login = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    assert.equal(login.json<{ level: string }>().level, "dispositive");
    assert.equal(
      (await api(s, "GET", "/api/v1/me", undefined, jar)).json<{ level: string }>().level,
      "dispositive",
    );
    const st = await api(s, "GET", "/api/v1/me/contributions", undefined, jar);
    assert.equal(st.statusCode, 200);
    assert.equal(st.json<Statement>().periods.length, p.contributions.length);
    const slips = await api(s, "GET", "/api/v1/me/pension-slips", undefined, jar);
    assert.equal(slips.json<{ slips: PensionPayment[] }>().slips.length, p.pensionPayments.length);
    const area = await page(s, "/area-personale", jar);
    assert.equal(area.statusCode, 200);
    assert.ok(area.body.includes(t("it", "area.dispositive")), "the personal area names the level");
  });

  it("refuses every consultation without a session (401 AUTHENTICATION_REQUIRED)", async () => {
    for (const url of ["/api/v1/me", "/api/v1/me/contributions", "/api/v1/me/pension-slips"]) {
      const res = await api(s, "GET", url);
      assert.equal(problemOf(res, 401).code, "AUTHENTICATION_REQUIRED", url);
    }
  });

  it("refuses every consultation while the PIN change is pending (403 PIN_CHANGE_REQUIRED)", async () => {
    const p = people.next();
    assert.equal((await api(s, "POST", "/api/v1/claims", claimBody(p))).statusCode, 202);
    const initial = initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin: initial }, jar);
    for (const url of ["/api/v1/me", "/api/v1/me/contributions", "/api/v1/me/pension-slips"]) {
      assert.equal(
        problemOf(await api(s, "GET", url, undefined, jar), 403).code,
        "PIN_CHANGE_REQUIRED",
        url,
      );
    }
    for (const url of ["/estratto-conto", "/cedolino", "/area-personale"]) {
      const res = await page(s, url, jar);
      assert.equal(res.statusCode, 303, url);
      assert.equal(res.headers.location, "/nuovo-pin");
    }
  });

  it("shows the statement and the slips as pages, with the archive's employers and amounts", async () => {
    const jar = await richSession();
    const statement = await page(s, "/estratto-conto", jar);
    assert.equal(statement.statusCode, 200);
    assert.match(String(statement.headers["content-type"]), /^text\/html/u);
    for (const c of rich.contributions)
      assert.ok(statement.body.includes(escapeHtml(c.employer)), c.employer);
    const slips = await page(s, "/cedolino", jar);
    assert.equal(slips.statusCode, 200);
    const euros = new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR" });
    const latest = [...rich.pensionPayments].sort((a, b) => b.month.localeCompare(a.month))[0]!;
    assert.ok(
      slips.body.includes(euros.format(latest.netCents / 100)),
      "the latest net amount is shown",
    );
  });

  it("refuses consultation during the renewal (403 RENEWAL_REQUIRED), then serves it after", async () => {
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const [cred] = await rows<{ set_at: Date }>(
      s,
      "SELECT set_at FROM credential WHERE fiscal_code = $1 AND status = 'active'",
      [p.fiscalCode],
    );
    s.clock.set(new Date(pinExpiresAt(cred!.set_at).getTime() + 60_000));
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    for (const url of ["/api/v1/me/contributions", "/api/v1/me/pension-slips"]) {
      assert.equal(
        problemOf(await api(s, "GET", url, undefined, jar), 403).code,
        "RENEWAL_REQUIRED",
        url,
      );
    }
    const res = await page(s, "/estratto-conto", jar);
    assert.equal(res.headers.location, "/rinnovo-pin");
    assert.equal((await api(s, "POST", "/api/v1/pin/renew", undefined, jar)).statusCode, 201);
    assert.equal((await api(s, "GET", "/api/v1/me/contributions", undefined, jar)).statusCode, 200);
  });
});
