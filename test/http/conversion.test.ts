/**
 * Conversion to dispositive and benefit claims over HTTP (issue 6 §5–6): the pre-filled form,
 * uploads judged by content (refusals name the file; EXIF gone; sealed at rest, never served
 * back), one open request, the reviewer's decision through the CLI command as a system actor,
 * claims waiting for the dispositive PIN released on approval with their filing time, the new
 * level only after a new login, receipts, retention. Audited throughout.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import sharp from "sharp";
import type { ConversionView } from "../../src/flows/conversion.ts";
import { housekeeping } from "../../src/flows/housekeeping.ts";
import { api, Jar, startService, type TestService } from "../helpers/app.ts";
import { CLAIM_BODY, conversionKit, type ConversionKit } from "../helpers/conversion.ts";
import { auditTypesOf, count, problemOf, rows } from "../helpers/journeys.ts";
import * as files from "../helpers/uploads.ts";

interface Sent {
  requestId: string;
  reference: string;
  status: string;
}
interface Filed {
  protocol: string;
  filedAt: string;
  status: string;
}
interface Claims {
  claims: (Filed & { releasedAt: string | null })[];
}
const levelOf = (r: LightMyRequestResponse) => r.json<{ level: string }>().level;

describe("conversion to dispositive and benefit claims", () => {
  let s: TestService;
  let k: ConversionKit;
  before(async () => {
    s = await startService({ archiveSize: 30 });
    k = conversionKit(s);
  });
  after(async () => {
    await s.close();
  });
  const holder = () => k.holder();
  const upload = (jar: Jar, parts: files.Part[]) => k.upload(jar, parts);
  const goodParts = () => k.goodParts();
  const cli = (...args: string[]) => k.cli(...args);
  const delivered = () => k.delivered();
  const claimBody = CLAIM_BODY;

  it("serves the pre-filled form with its reference, audited, and no state changed", async () => {
    const { p, jar } = await holder();
    const res = await api(s, "GET", "/api/v1/me/conversion/form.pdf", undefined, jar);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.equal(res.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const reference =
      /richiesta-pin-dispositivo-(CD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5})\.pdf/u.exec(
        String(res.headers["content-disposition"]),
      )?.[1];
    assert.ok(reference, "the file is named after the reference");
    const again = await api(s, "GET", "/api/v1/me/conversion/form.pdf", undefined, jar);
    assert.match(String(again.headers["content-disposition"]), new RegExp(reference));
    const status = await api(s, "GET", "/api/v1/me/conversion", undefined, jar);
    assert.deepEqual(
      { level: status.json<ConversionView>().level, status: status.json<ConversionView>().status },
      { level: "ordinary", status: "none" },
    );
    assert.ok((await auditTypesOf(s, p.fiscalCode)).includes("conversion.form_downloaded"));
    // The upload then carries the same reference.
    const sent = await upload(jar, await goodParts());
    assert.equal(sent.statusCode, 202, sent.body);
    assert.equal(sent.json<Sent>().reference, reference);
  });

  it("refuses files by content, naming each file, and stores nothing", async () => {
    const { p, jar } = await holder();
    const pdf = await files.pdf();
    const cases: [string, Buffer, string][] = [
      ["carta.pdf", files.executable(), "upload_file_type"],
      ["foto.jpg", await files.jpegHtmlPolyglot(), "upload_active_content"],
      [
        "grande.pdf",
        Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024, 0x20)]),
        "upload_too_large",
      ],
      ["vuoto.pdf", Buffer.alloc(0), "upload_empty"],
      ["protetto.pdf", await files.encryptedPdf(), "upload_pdf_encrypted"],
      ["script.pdf", await files.pdfWithJavaScript(), "upload_pdf_javascript"],
      ["allegati.pdf", await files.pdfWithEmbeddedFile(), "upload_pdf_embedded_file"],
    ];
    for (const [fileName, data, code] of cases) {
      const res = await upload(jar, [
        { name: "signedForm", fileName, contentType: "application/pdf", data },
        {
          name: "identityDocument",
          fileName: "id.png",
          contentType: "image/png",
          data: await files.png(),
        },
      ]);
      const problem = problemOf(res, 422);
      assert.equal(problem.code, "VALIDATION_FAILED");
      const e = problem.errors?.find((x) => x.field === "signedForm");
      assert.ok(e !== undefined, fileName);
      assert.equal(e.code, code, fileName);
      assert.ok(e.detail.includes(fileName), `${code}: ${e.detail} names ${fileName}`);
    }
    const missing = problemOf(await upload(jar, [{ name: "x", data: "y" }]), 422);
    assert.deepEqual(
      missing.errors?.map((e) => [e.field, e.code]),
      [
        ["signedForm", "file_required"],
        ["identityDocument", "file_required"],
      ],
    );
    // A JSON body is not an upload, even shaped like the parser's parts.
    const json = await api(s, "POST", "/api/v1/me/conversion", { signedForm: "x" }, jar);
    assert.equal(json.statusCode, 422);
    const lookalike = { type: "file", filename: "a.pdf", _buf: "AAAA", file: { truncated: false } };
    const shaped = await api(s, "POST", "/api/v1/me/conversion", { signedForm: lookalike }, jar);
    assert.equal(problemOf(shaped, 422).code, "VALIDATION_FAILED");
    // A body that is not the multipart it claims to be.
    for (const payload of ["garbage", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb']) {
      const broken = await s.app.inject({
        method: "POST",
        url: "/api/v1/me/conversion",
        headers: { "content-type": "multipart/form-data; boundary=x", cookie: jar.header() },
        payload,
      });
      assert.ok([400, 422].includes(broken.statusCode), `${broken.statusCode} ${broken.body}`);
      problemOf(broken);
    }
    assert.equal(
      await count(s, "SELECT id FROM conversion_request WHERE fiscal_code = $1", [p.fiscalCode]),
      0,
      "nothing stored",
    );
    const types = await auditTypesOf(s, p.fiscalCode);
    assert.equal(types.filter((t) => t === "conversion.upload_refused").length, cases.length);
  });

  it("files a waiting claim, converts through the CLI, releases it; the level counts from the next login", async () => {
    const { p, pin, jar } = await holder();
    const catalogue = await api(s, "GET", "/api/v1/benefits");
    assert.ok(
      catalogue
        .json<{ benefits: { type: string }[] }>()
        .benefits.some((b) => b.type === "survivors_pension"),
    );

    const filed = await api(s, "POST", "/api/v1/me/benefit-claims", claimBody, jar);
    assert.equal(filed.statusCode, 201, filed.body);
    const { protocol, filedAt, status } = filed.json<Filed>();
    assert.match(protocol, /^INPS\.2026\.\d{7}$/u);
    assert.equal(status, "waiting_for_dispositive");

    const sent = await upload(jar, await goodParts());
    assert.equal(sent.statusCode, 202, sent.body);
    const { requestId } = sent.json<Sent>();
    assert.equal(sent.json<Sent>().status, "submitted");
    assert.equal(problemOf(await upload(jar, await goodParts()), 409).code, "CONVERSION_PENDING");

    // Stored sealed: neither the bytes nor the EXIF are readable in the table; never served.
    const stored = await rows<{ body: Uint8Array; media_type: string; size: number }>(
      s,
      "SELECT body, media_type, size FROM document WHERE request_id = $1 ORDER BY role",
      [requestId],
    );
    assert.equal(stored.length, 2);
    for (const d of stored)
      assert.doesNotMatch(Buffer.from(d.body).toString("latin1"), /%PDF|JFIF|Exif/u);

    // The reviewer reads the documents: the photo has lost its EXIF (GPS).
    const out = await mkdtemp(join(tmpdir(), "conv-"));
    try {
      assert.equal(await cli("documents", requestId, "--out", out), 0);
      const written = await readdir(out);
      const photo = written.find((f) => f.endsWith(".jpg"));
      assert.ok(photo);
      const meta = await sharp(await readFile(join(out, photo))).metadata();
      assert.equal(meta.exif, undefined, "no EXIF left");
      assert.ok(written.some((f) => f.endsWith(".pdf")));
    } finally {
      await rm(out, { recursive: true, force: true });
    }

    assert.equal(await cli("approve", requestId), 0);
    assert.equal(await cli("approve", requestId), 1, "a second decision is refused");
    const mine = await api(s, "GET", "/api/v1/me/benefit-claims", undefined, jar);
    const claim = mine.json<Claims>().claims.find((c) => c.protocol === protocol);
    assert.equal(claim?.status, "in_processing");
    assert.equal(claim.filedAt, filedAt, "the filing time is kept");

    // The open session keeps its level; a new login has the new one.
    assert.equal(levelOf(await api(s, "GET", "/api/v1/me", undefined, jar)), "ordinary");
    const fresh = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, fresh);
    assert.equal(levelOf(await api(s, "GET", "/api/v1/me", undefined, fresh)), "dispositive");
    const conv = (
      await api(s, "GET", "/api/v1/me/conversion", undefined, fresh)
    ).json<ConversionView>();
    assert.equal(conv.status, "approved");
    assert.equal(
      problemOf(await api(s, "GET", "/api/v1/me/conversion/form.pdf", undefined, fresh), 409).code,
      "ALREADY_DISPOSITIVE",
    );

    // With a dispositive PIN a claim goes straight to processing.
    const direct = await api(s, "POST", "/api/v1/me/benefit-claims", claimBody, fresh);
    assert.equal(direct.json<Filed>().status, "in_processing");
    assert.notEqual(direct.json<Filed>().protocol, protocol);

    const told = (await delivered()).filter((m) => m.kind === "conversion_decided");
    assert.equal(told.length, 1);
    assert.match(told[0]?.text ?? "", /dispositiv/u);

    const receipt = await api(
      s,
      "GET",
      `/api/v1/me/benefit-claims/${protocol}/receipt.pdf`,
      undefined,
      fresh,
    );
    assert.equal(receipt.statusCode, 200);
    assert.equal(receipt.rawPayload.subarray(0, 5).toString(), "%PDF-");

    const types = await auditTypesOf(s, p.fiscalCode);
    for (const t of [
      "benefit_claim.filed",
      "conversion.submitted",
      "conversion.documents_read",
      "conversion.approved",
      "benefit_claim.released",
      "benefit_claim.receipt_downloaded",
    ])
      assert.ok(types.includes(t), t);
    const actors = await rows<{ actor_kind: string; actor_id: string }>(
      s,
      "SELECT actor_kind, actor_id FROM audit_event WHERE type = 'conversion.approved'",
    );
    assert.deepEqual(
      actors.map((a) => a.actor_kind),
      ["system"],
    );

    // Retention: documents go once the decision is older than the configured days.
    s.clock.advance(91 * 86_400);
    const report = await housekeeping({
      uow: s.rt.ctx.uow,
      clock: s.clock,
      idleSeconds: 900,
      outboxRetentionDays: 30,
      documentRetentionDays: 90,
    });
    assert.ok(report.documents >= 2);
    assert.equal(
      (await rows(s, "SELECT id FROM document WHERE request_id = $1", [requestId])).length,
      0,
    );
  });

  it("rejects with a reason the citizen reads; a new request may follow", async () => {
    const { p, jar } = await holder();
    const sent = await upload(jar, await goodParts());
    const { requestId } = sent.json<Sent>();
    assert.equal(await cli("reject", requestId), null, "a reason is required");
    assert.equal(await cli("reject", requestId, "--reason", "documento illeggibile"), 0);
    const st = (
      await api(s, "GET", "/api/v1/me/conversion", undefined, jar)
    ).json<ConversionView>();
    assert.deepEqual([st.status, st.reason], ["rejected", "documento illeggibile"]);
    const told = (await delivered()).find((m) => m.kind === "conversion_decided");
    assert.match(told?.text ?? "", /documento illeggibile/u);
    const again = await upload(jar, await goodParts());
    assert.equal(again.statusCode, 202);
    assert.notEqual(again.json<Sent>().reference, sent.json<Sent>().reference);
    assert.ok((await auditTypesOf(s, p.fiscalCode)).includes("conversion.rejected"));
  });

  it("runs as the inps-pin command (migrating its database first)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cli-"));
    try {
      // On PostgreSQL the service's own database; else a fresh embedded one in DATA_DIR.
      const db = s.tdb.url === undefined ? {} : { DATABASE_URL: s.tdb.url };
      const run = (...args: string[]) =>
        execFileSync(process.execPath, ["src/cli/main.ts", "conversion", ...args], {
          env: { ...process.env, APP_ENV: "development", DATA_DIR: dir, ...db },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
      assert.match(run("list", "--status", "approved"), /\d+ request\(s\)/u);
      assert.throws(() => run("approve", "not-a-request"), /no conversion request/u);
      assert.throws(() => run("reject", "x"), /usage: inps-pin/u);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
