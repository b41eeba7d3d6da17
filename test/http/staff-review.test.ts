/**
 * The back office's review queue and fax intake over HTTP (issue 7): faxes registered as TIFF
 * pages (junk refused by content), the registrar never deciding their own intake (another
 * reviewer does), rejections with a reason code, documents only for the review roles and
 * audited, an item held by one reviewer at a time, and the holder seeing staff readings and
 * decisions in their activity without names or workstation data.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import sharp from "sharp";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import type { ActivityItem } from "../../src/flows/activity.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { api, advance, type Jar, startService, type TestService } from "../helpers/app.ts";
import { CLAIM_BODY, conversionKit, type ConversionKit } from "../helpers/conversion.ts";
import { auditTypesOf, problemOf, rows } from "../helpers/journeys.ts";
import { loginStaff, staffSession, type TestStaff } from "../helpers/staff.ts";
import * as files from "../helpers/uploads.ts";
import { totpAt } from "../../src/security/totp.ts";

/** A fax as a fax server saves it: one bilevel CCITT Group 4 page, or several pages in one TIFF. */
async function faxTiff(pages: number): Promise<Buffer> {
  const page = (shade: string) =>
    sharp({ create: { width: 172, height: 228, channels: 3, background: shade } })
      .png()
      .toBuffer();
  const pngs = await Promise.all(
    Array.from({ length: pages }, (_, i) => page(i % 2 ? "#000" : "#fff")),
  );
  const tiff =
    pages === 1
      ? await sharp(pngs[0])
          .greyscale()
          .toColourspace("b-w")
          .tiff({ compression: "ccittfax4", bitdepth: 1 })
          .toBuffer()
      : await sharp(pngs, { join: { animated: true } })
          .tiff()
          .toBuffer();
  assert.equal(tiff.subarray(0, 4).toString("latin1"), "II*\0");
  return tiff;
}

/** An uncompressed 8-bit grey TIFF written big-endian ("MM\0*", Motorola byte order). */
function bigEndianTiff(width: number, height: number): Buffer {
  const entries: [number, number, number, number][] = [
    // tag, type (3 SHORT, 4 LONG), count, value
    [256, 3, 1, width],
    [257, 3, 1, height],
    [258, 3, 1, 8],
    [259, 3, 1, 1],
    [262, 3, 1, 1],
    [273, 4, 1, 0], // strip offset, set below
    [277, 3, 1, 1],
    [278, 3, 1, height],
    [279, 4, 1, width * height],
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataOffset = 8 + ifdSize;
  const b = Buffer.alloc(dataOffset + width * height, 0x80);
  b.write("MM", 0, "latin1");
  b.writeUInt16BE(42, 2);
  b.writeUInt32BE(8, 4);
  b.writeUInt16BE(entries.length, 8);
  entries.forEach(([tag, type, n, value], i) => {
    const at = 10 + i * 12;
    b.writeUInt16BE(tag, at);
    b.writeUInt16BE(type, at + 2);
    b.writeUInt32BE(n, at + 4);
    const v = tag === 273 ? dataOffset : value;
    if (type === 3) b.writeUInt16BE(v, at + 8);
    else b.writeUInt32BE(v, at + 8);
  });
  b.writeUInt32BE(0, 10 + entries.length * 12);
  return b;
}

interface Entry {
  requestId: string;
  reference: string;
  channel: string;
  holder: string;
  registeredByMe: boolean;
}
interface Item extends Entry {
  status: string;
  person: { surname: string; givenNames: string; birthDate: string; residence: string[] } | null;
  documents: { id: string; role: string; mediaType: string; page: number; href: string }[];
  mayDecide: boolean;
}

describe("the review queue and fax intake", () => {
  let s: TestService;
  let k: ConversionKit;
  let reviewerA: { staff: TestStaff; jar: Jar };
  let reviewerB: { staff: TestStaff; jar: Jar };
  before(async () => {
    s = await startService({ archiveSize: 40 });
    k = conversionKit(s);
    reviewerA = await staffSession(s, { role: "back_office_reviewer" });
    reviewerB = await staffSession(s, { role: "back_office_reviewer" });
  });
  after(async () => {
    await s.close();
  });

  async function fax(
    jar: Jar,
    fiscalCode: string,
    pages: files.Part[],
  ): Promise<LightMyRequestResponse> {
    const body = files.multipartBody([{ name: "fiscalCode", data: fiscalCode }, ...pages]);
    return s.app.inject({
      method: "POST",
      url: "/api/v1/staff/fax-intake",
      headers: { "content-type": body.contentType, cookie: jar.header() },
      payload: body.payload,
    });
  }
  const tiffPart = async (n = 2): Promise<files.Part> => ({
    name: "pages",
    fileName: "fax-0042.tif",
    contentType: "image/tiff",
    data: await faxTiff(n),
  });
  const decide = (jar: Jar, id: string, body: unknown) =>
    api(s, "POST", `/api/v1/staff/review-queue/${id}/decision`, body, jar);

  /** A holder with an ordinary PIN and a fax registered by reviewer A. */
  async function faxedHolder(): Promise<{ p: ArchivePerson; jar: Jar; requestId: string }> {
    const { p, jar } = await k.holder();
    const res = await fax(reviewerA.jar, p.fiscalCode, [await tiffPart(2)]);
    assert.equal(res.statusCode, 201, res.body);
    return { p, jar, requestId: res.json<{ requestId: string }>().requestId };
  }

  it("registers a multi-page TIFF fax: each page a PNG document, the request in the queue", async () => {
    const { p, requestId } = await faxedHolder();
    const item = await api(
      s,
      "GET",
      `/api/v1/staff/review-queue/${requestId}`,
      undefined,
      reviewerB.jar,
    );
    assert.equal(item.statusCode, 200, item.body);
    const v = item.json<Item>();
    assert.equal(v.channel, "fax");
    assert.deepEqual(
      v.documents.map((d) => [d.role, d.mediaType, d.page]),
      [
        ["fax_pages", "image/png", 0],
        ["fax_pages", "image/png", 1],
      ],
    );
    assert.ok(v.person !== null);
    assert.equal(v.person.surname, p.surname);
    assert.equal(v.person.birthDate, p.birthDate);
    assert.ok(v.person.residence.length > 0);
    const [row] = await rows<{ channel: string; registered_by: string }>(
      s,
      "SELECT channel, registered_by FROM conversion_request WHERE id = $1",
      [requestId],
    );
    assert.deepEqual(row, { channel: "fax", registered_by: reviewerA.staff.id });
    const types = await auditTypesOf(s, p.fiscalCode);
    assert.ok(types.includes("review.fax_registered"));
  });

  it("accepts a big-endian TIFF and a single-page Group 4 fax as well", async () => {
    const { p } = await k.holder();
    const res = await fax(reviewerA.jar, p.fiscalCode, [
      { name: "pages", fileName: "mm.tif", contentType: "image/tiff", data: bigEndianTiff(30, 20) },
      await tiffPart(1),
    ]);
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json<{ requestId: string }>().requestId;
    const docs = await rows<{ media_type: string; page: number }>(
      s,
      "SELECT media_type, page FROM document WHERE request_id = $1 ORDER BY page",
      [id],
    );
    assert.deepEqual(docs, [
      { media_type: "image/png", page: 0 },
      { media_type: "image/png", page: 1 },
    ]);
  });

  it("refuses junk by content (audited), whatever its name, and stores nothing", async () => {
    const { p } = await k.holder();
    const before = await rows<{ n: number }>(
      s,
      "SELECT count(*)::int AS n FROM conversion_request",
    );
    for (const data of [
      files.executable(),
      Buffer.from("II*\0 not really a tiff at all"),
      await files.jpegHtmlPolyglot(),
    ]) {
      const res = await fax(reviewerA.jar, p.fiscalCode, [
        { name: "pages", fileName: "fax.tif", contentType: "image/tiff", data },
      ]);
      const problem = problemOf(res, 422);
      assert.equal(problem.errors?.[0]?.field, "pages");
      assert.match(JSON.stringify(problem.errors), /fax\.tif/u);
    }
    const after = await rows<{ n: number }>(s, "SELECT count(*)::int AS n FROM conversion_request");
    assert.deepEqual(after, before);
    assert.ok((await auditTypesOf(s, p.fiscalCode)).includes("review.fax_refused"));
    const none = await fax(reviewerA.jar, p.fiscalCode, []);
    assert.equal(problemOf(none, 422).errors?.[0]?.field, "pages");
    const badCode = await fax(reviewerA.jar, "RSSMRA40A01H501", [await tiffPart(1)]);
    assert.equal(problemOf(badCode, 422).errors?.[0]?.field, "fiscalCode");
    // Someone without a PIN has nothing to convert; one open request per person.
    const stranger = k.people.next();
    const noPin = await fax(reviewerA.jar, stranger.fiscalCode, [await tiffPart(1)]);
    assert.deepEqual(
      problemOf(noPin, 422).errors?.map((e) => [e.field, e.code]),
      [["fiscalCode", "no_active_pin"]],
    );
    assert.equal((await fax(reviewerA.jar, p.fiscalCode, [await tiffPart(1)])).statusCode, 201);
    const twice = await fax(reviewerB.jar, p.fiscalCode, [await tiffPart(1)]);
    assert.equal(problemOf(twice, 409).code, "CONVERSION_PENDING");
  });

  it("treats an account enrolled through a link the registrar issued as the registrar's own", async () => {
    // A supervisor registers a fax, then resets a reviewer's account and enrols it themselves
    // with the link they were handed: that account may not decide the fax either.
    const sup = await staffSession(s, { role: "supervisor" });
    const victim = await staffSession(s, { role: "back_office_reviewer" });
    const { p } = await k.holder();
    const res = await fax(sup.jar, p.fiscalCode, [await tiffPart(1)]);
    assert.equal(res.statusCode, 201, res.body);
    const requestId = res.json<{ requestId: string }>().requestId;
    const reset = await api(
      s,
      "POST",
      `/api/v1/staff/accounts/${victim.staff.id}/reset`,
      {},
      sup.jar,
    );
    assert.equal(reset.statusCode, 200, reset.body);
    const token = /token=([\w-]+)/u.exec(reset.json<{ enrolmentUrl: string }>().enrolmentUrl)?.[1];
    const password = "the supervisor's own passphrase";
    const step1 = await api(s, "POST", "/api/v1/staff/enrolment", { token, password });
    assert.equal(step1.statusCode, 200, step1.body);
    const secret = step1.json<{ totpSecret: string }>().totpSecret;
    const taken: TestStaff = { ...victim.staff, password, totpSecret: secret, lastStep: 0 };
    const confirm = await api(s, "POST", "/api/v1/staff/enrolment/confirm", {
      token,
      code: await totpAt(secret, s.clock.now()),
    });
    assert.equal(confirm.statusCode, 204, confirm.body);
    taken.lastStep = Math.floor(s.clock.now().getTime() / 30_000);
    const jar = await loginStaff(s, taken);
    const decision = await decide(jar, requestId, { decision: "approve" });
    assert.equal(problemOf(decision, 403).code, "SEGREGATION_OF_DUTIES");
    // Anyone else may: the request is still waiting.
    const ok = await decide(reviewerB.jar, requestId, { decision: "approve" });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  it("never lets the registrar decide their own fax (audited); another reviewer approves it", async () => {
    const { p, jar, requestId } = await faxedHolder();
    const filed = await api(s, "POST", "/api/v1/me/benefit-claims", CLAIM_BODY, jar);
    assert.equal(filed.statusCode, 201, filed.body);
    const own = await decide(reviewerA.jar, requestId, { decision: "approve" });
    const problem = problemOf(own, 403);
    assert.equal(problem.code, "SEGREGATION_OF_DUTIES");
    const take = await api(
      s,
      "POST",
      `/api/v1/staff/review-queue/${requestId}/take`,
      undefined,
      reviewerA.jar,
    );
    assert.equal(problemOf(take, 403).code, "SEGREGATION_OF_DUTIES");
    const refusals = await rows<{ outcome: string; actor_id: string; details: { action: string } }>(
      s,
      "SELECT outcome, actor_id, details FROM audit_event WHERE type = 'review.item_refused' AND details->>'requestId' = $1 ORDER BY seq",
      [requestId],
    );
    assert.deepEqual(
      refusals.map((r) => [r.outcome, r.actor_id, r.details.action]),
      [
        ["refused", reviewerA.staff.id, "decide"],
        ["refused", reviewerA.staff.id, "take"],
      ],
    );
    const ok = await decide(reviewerB.jar, requestId, { decision: "approve" });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json<{ status: string }>().status, "approved");
    assert.equal(ok.json<{ claimsReleased: string[] }>().claimsReleased.length, 1);
    const claims = await api(s, "GET", "/api/v1/me/benefit-claims", undefined, jar);
    assert.deepEqual(
      claims.json<{ claims: { status: string }[] }>().claims.map((c) => c.status),
      ["in_processing"],
    );
    const told = (await k.delivered()).filter((m) => m.kind === "conversion_decided");
    assert.equal(told.length, 1);
    assert.ok((await auditTypesOf(s, p.fiscalCode)).includes("conversion.approved"));
  });

  it("needs a reason code to reject ('other' needs a note); the holder is told the reason", async () => {
    const { jar } = await k.holder();
    const sent = await k.upload(jar, await k.goodParts());
    assert.equal(sent.statusCode, 202, sent.body);
    const id = sent.json<{ requestId: string }>().requestId;
    const noReason = problemOf(await decide(reviewerA.jar, id, { decision: "reject" }), 422);
    assert.deepEqual(
      noReason.errors?.map((e) => e.field),
      ["reasonCode"],
    );
    const other = problemOf(
      await decide(reviewerA.jar, id, { decision: "reject", reasonCode: "other" }),
      422,
    );
    assert.deepEqual(
      other.errors?.map((e) => e.field),
      ["note"],
    );
    const bad = problemOf(await decide(reviewerA.jar, id, { decision: "maybe" }), 422);
    assert.deepEqual(
      bad.errors?.map((e) => e.field),
      ["decision"],
    );
    const res = await decide(reviewerA.jar, id, {
      decision: "reject",
      reasonCode: "document_expired",
      note: "Il passaporto è scaduto nel 2024.",
    });
    assert.equal(res.statusCode, 200, res.body);
    const status = (await api(s, "GET", "/api/v1/me/conversion", undefined, jar)).json<{
      status: string;
      reason: string;
    }>();
    assert.equal(status.status, "rejected");
    assert.match(status.reason, /scaduto/u);
    const [row] = await rows<{ reason_code: string }>(
      s,
      "SELECT reason_code FROM conversion_request WHERE id = $1",
      [id],
    );
    assert.equal(row?.reason_code, "document_expired");
    const again = await decide(reviewerB.jar, id, { decision: "approve" });
    assert.equal(problemOf(again, 409).code, "CONVERSION_DECIDED");
  });

  it("serves documents only to the review roles, images inline and PDFs as downloads, each read audited", async () => {
    const { p, jar } = await k.holder();
    const sent = await k.upload(jar, await k.goodParts());
    const id = sent.json<{ requestId: string }>().requestId;
    const item = (
      await api(s, "GET", `/api/v1/staff/review-queue/${id}`, undefined, reviewerA.jar)
    ).json<Item>();
    const pdf = item.documents.find((d) => d.mediaType === "application/pdf");
    const jpeg = item.documents.find((d) => d.mediaType === "image/jpeg");
    assert.ok(pdf !== undefined && jpeg !== undefined);
    const image = await api(s, "GET", jpeg.href, undefined, reviewerA.jar);
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers["content-type"], "image/jpeg");
    assert.equal(image.headers["cache-control"], "no-store");
    assert.match(String(image.headers["content-disposition"]), /^inline; filename="CD-/u);
    assert.equal((await sharp(image.rawPayload).metadata()).format, "jpeg");
    const download = await api(s, "GET", pdf.href, undefined, reviewerA.jar);
    assert.match(String(download.headers["content-disposition"]), /^attachment; /u);
    assert.equal(download.rawPayload.subarray(0, 5).toString(), "%PDF-");
    for (const role of ["contact_centre_agent", "office_clerk"] as const) {
      const other = await staffSession(s, { role });
      const refused = await api(s, "GET", jpeg.href, undefined, other.jar);
      assert.equal(problemOf(refused, 403).code, "STAFF_FORBIDDEN");
      const list = await api(s, "GET", "/api/v1/staff/review-queue", undefined, other.jar);
      assert.equal(list.statusCode, 403);
    }
    // The holder's own session is no staff session.
    assert.equal((await api(s, "GET", jpeg.href, undefined, jar)).statusCode, 401);
    const reads = await rows<{ n: number }>(
      s,
      "SELECT count(*)::int AS n FROM audit_event WHERE type = 'review.document_read' AND details->>'requestId' = $1",
      [id],
    );
    assert.equal(reads[0]?.n, 2);
    const opened = await rows<{ details: { reason: string; ref: string } }>(
      s,
      "SELECT details FROM audit_event WHERE type = 'staff.record_opened' AND subject_key = (SELECT subject_key FROM audit_event WHERE type = 'review.document_read' AND details->>'requestId' = $1 LIMIT 1)",
      [id],
    );
    assert.deepEqual(
      opened.map((o) => o.details),
      [{ reason: "review_item", ref: id }],
    );
    assert.ok((await auditTypesOf(s, p.fiscalCode)).includes("review.document_read"));
    const missing = await api(
      s,
      "GET",
      `/api/v1/staff/review-queue/${id}/documents/00000000-0000-4000-8000-000000000000`,
      undefined,
      reviewerA.jar,
    );
    assert.equal(problemOf(missing, 404).code, "NOT_FOUND");
  });

  it("lists the queue oldest first, audited for each holder shown", async () => {
    const res = await api(s, "GET", "/api/v1/staff/review-queue", undefined, reviewerB.jar);
    assert.equal(res.statusCode, 200);
    const items = res.json<{ items: (Entry & { submittedAt: string })[] }>().items;
    assert.ok(items.length >= 1);
    const times = items.map((i) => i.submittedAt);
    assert.deepEqual(times, [...times].sort());
    const fromA = items.filter((i) => i.channel === "fax");
    for (const i of fromA) assert.equal(i.registeredByMe, false);
  });

  it("gives an item to one reviewer at a time: another cannot decide it until the hold ends", async () => {
    const { jar } = await k.holder();
    const id = (await k.upload(jar, await k.goodParts())).json<{ requestId: string }>().requestId;
    const taken = await api(
      s,
      "POST",
      `/api/v1/staff/review-queue/${id}/take`,
      undefined,
      reviewerA.jar,
    );
    assert.equal(taken.statusCode, 200, taken.body);
    const stolen = await api(
      s,
      "POST",
      `/api/v1/staff/review-queue/${id}/take`,
      undefined,
      reviewerB.jar,
    );
    assert.equal(problemOf(stolen, 409).code, "REVIEW_ITEM_TAKEN");
    const early = await decide(reviewerB.jar, id, { decision: "approve" });
    assert.equal(problemOf(early, 409).code, "REVIEW_ITEM_TAKEN");
    const seen = (
      await api(s, "GET", "/api/v1/staff/review-queue", undefined, reviewerB.jar)
    ).json<{ items: Entry[] }>();
    assert.equal(seen.items.find((i) => i.requestId === id)?.holder, "other");
    // The hold ends after 20 minutes (staff sessions idle out after 15: log in again).
    advance(s, 21 * 60);
    reviewerA.jar = await loginStaff(s, reviewerA.staff);
    reviewerB.jar = await loginStaff(s, reviewerB.staff);
    const late = await decide(reviewerB.jar, id, { decision: "approve" });
    assert.equal(late.statusCode, 200, late.body);
  });

  it("decides a request once when two reviewers decide at the same moment", async () => {
    const { jar } = await k.holder();
    const id = (await k.upload(jar, await k.goodParts())).json<{ requestId: string }>().requestId;
    const [a, b] = await Promise.all([
      decide(reviewerA.jar, id, { decision: "approve" }),
      decide(reviewerB.jar, id, { decision: "reject", reasonCode: "illegible" }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    const decided = await rows<{ n: number }>(
      s,
      "SELECT count(*)::int AS n FROM audit_event WHERE type = 'review.decided' AND details->>'requestId' = $1",
      [id],
    );
    assert.equal(decided[0]?.n, 1);
  });

  it("shows the holder the reviewer's opening and decision, without names or workstation", async () => {
    const { jar } = await k.holder();
    const id = (await k.upload(jar, await k.goodParts())).json<{ requestId: string }>().requestId;
    await api(s, "GET", `/api/v1/staff/review-queue/${id}`, undefined, reviewerB.jar);
    await decide(reviewerB.jar, id, { decision: "approve" });
    const res = await api(s, "GET", "/api/v1/me/activity?limit=100", undefined, jar);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json<{ events: ActivityItem[] }>().events;
    const staffItems = items.filter((i) => i.by === "staff");
    const types = staffItems.map((i) => i.type);
    assert.ok(types.includes("staff.record_opened"), types.join());
    assert.ok(types.includes("conversion.approved"), types.join());
    for (const i of staffItems) {
      assert.equal(i.staffRole, "back_office_reviewer");
      assert.equal(i.country, null);
      assert.equal(i.device, null);
    }
    assert.doesNotMatch(res.body, new RegExp(reviewerB.staff.username, "u"));
    assert.doesNotMatch(res.body, new RegExp(reviewerB.staff.id, "u"));
    const pageRes = await s.app.inject({
      method: "GET",
      url: "/area-personale/attivita",
      headers: { cookie: jar.header() },
    });
    assert.equal(pageRes.statusCode, 200);
    assert.doesNotMatch(pageRes.body, new RegExp(reviewerB.staff.username, "u"));
  });

  it("shows the back-office pages in Italian and in English", async () => {
    const boss = await staffSession(s, { role: "supervisor" });
    const pages: [string, RegExp, RegExp][] = [
      ["/operatori/revisione", /Coda di revisione/u, /Review queue/u],
      ["/operatori/fax", /Registrazione di un fax/u, /Fax intake/u],
      ["/operatori/supervisione/audit", /Ricerca nel registro di audit/u, /Audit trail search/u],
      ["/operatori/supervisione/personale", /Account operatori/u, /Staff accounts/u],
      ["/operatori/supervisione/code", /Andamento delle code/u, /Queue figures/u],
    ];
    for (const [url, it, en] of pages) {
      for (const [lang, text] of [
        ["it", it],
        ["en", en],
      ] as const) {
        const res = await s.app.inject({
          method: "GET",
          url: `${url}?lang=${lang}`,
          headers: { cookie: boss.jar.header() },
        });
        assert.equal(res.statusCode, 200, `${url} ${lang}`);
        assert.match(res.body, text, `${url} ${lang}`);
        assert.match(res.body, new RegExp(`<html lang="${lang}"`, "u"));
      }
    }
    const desk = await s.app.inject({
      method: "GET",
      url: "/operatori",
      headers: { cookie: reviewerB.jar.header() },
    });
    assert.match(desk.body, /href="\/operatori\/revisione"/u);
    assert.doesNotMatch(
      desk.body,
      /href="\/operatori\/supervisione/u,
      "a reviewer's desk lists no supervision",
    );
  });

  it("keeps the audit chain whole", async () => {
    const verdict = await verifyAudit(s.rt.db, s.rt.auditKeys.chain);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
  });
});
