/**
 * The daily letter batch for the print vendor (docs/delivery.md "Letters"). With a drop
 * configured the outbox worker leaves letters alone (batchedChannels: ["letter"]) and this
 * module delivers them: every waiting letter is claimed into one batch, rendered to PDF and
 * written to the drop as `<batchId>/<messageId>.pdf`, then `<batchId>/manifest.json` LAST (a
 * batch is complete when its manifest exists). A batch left building (process killed,
 * connection dropped) is resumed under the same id and file names before a new one starts;
 * an uploaded batch is never uploaded again, so nothing prints twice.
 *
 * The sealed second half stays in the outbox until the vendor's `<batchId>/ack.json` says the
 * letter was printed; then it is erased and the PDF deleted from the drop.
 */
import { createHash, randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { z } from "zod";
import type { Clock } from "../../domain/clock.ts";
import { romeDate } from "../../domain/eligibility.ts";
import { errorText, type Logger } from "../../observability/logger.ts";
import { deliveries, letterBatches } from "../../observability/metrics.ts";
import { open } from "../../security/crypto.ts";
import type { Db } from "../../store/db.ts";
import {
  batchLetterStates,
  buildingBatches,
  claimNewBatch,
  discardEmptyBatch,
  dropFromBatch,
  leaseBatch,
  lettersOfBatch,
  markAcknowledged,
  markPrinted,
  markRejected,
  markUploaded,
  releaseBatch,
  uploadedBatches,
  type LetterBatch,
} from "../../store/repos/letter-batches.ts";
import { renderMessage } from "../render.ts";
import type { LetterDropTransport } from "./drop.ts";

/** A letter that cannot be rendered in this many batches is abandoned. */
export const LETTER_MAX_ATTEMPTS = 3;
/** An upload lease; renewed after every file, so only a dead process lets it run out. */
const LEASE_MS = 10 * 60_000;

export interface ManifestLetter {
  messageId: string;
  /** Relative to the batch folder. */
  file: string;
  /** ISO 3166-1 alpha-2 destination ("ZZ": unknown, older rows only). */
  country: string;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  batchId: string;
  createdAt: string;
  /** Europe/Rome day of the batch. */
  date: string;
  /** What the vendor prints on: A4, folded in three for a DL envelope with a right window. */
  format: "A4-DL-window-right";
  letters: ManifestLetter[];
  totals: { letters: number; pages: number };
}

export interface UploadedBatch {
  batchId: string;
  letters: number;
  pages: number;
  /** True when the batch was left building by an earlier run and finished by this one. */
  resumed: boolean;
}

export interface BatchReport {
  uploaded: UploadedBatch[];
  /** Letters that could not be rendered (left for the next batch, or abandoned). */
  failed: number;
  /** Building batches another process is uploading right now (left to it). */
  busy: number;
}

export interface AckReport {
  /** Acknowledgement files read. */
  read: number;
  printed: number;
  rejected: number;
  /** Ids an acknowledgement named that are not letters of its batch. */
  ignored: number;
  /** Batches now fully acknowledged. */
  acknowledged: string[];
}

export interface LetterBatcher {
  /** Resumes batches left building, then (unless resumeOnly) uploads a new one of every waiting letter. */
  runBatch(opts?: { resumeOnly?: boolean }): Promise<BatchReport>;
  pollAcknowledgements(): Promise<AckReport>;
}

export interface LetterBatcherDeps {
  db: Db;
  clock: Clock;
  outboxKey: Buffer;
  drop: LetterDropTransport;
  log?: Logger | undefined;
  /** Upload lease (default 10 min; OUTBOX_LEASE_SECONDS in the service and the CLI). */
  leaseMs?: number | undefined;
}

/** The vendor's acknowledgement, `<batchId>/ack.json`. */
export const ackSchema = z.object({
  batchId: z.string(),
  printed: z.array(z.string()),
  rejected: z.array(z.object({ messageId: z.string(), reason: z.string().max(500) })).optional(),
});
export type Acknowledgement = z.infer<typeof ackSchema>;

export const pdfFile = (batchId: string, messageId: string): string =>
  `${batchId}/${messageId}.pdf`;
export const manifestFile = (batchId: string): string => `${batchId}/manifest.json`;
export const ackFile = (batchId: string): string => `${batchId}/ack.json`;

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

export function createLetterBatcher(deps: LetterBatcherDeps): LetterBatcher {
  const { db, clock, drop, log } = deps;
  /** This batcher's lease identity (one per process and batcher). */
  const owner = randomUUID();
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  const leaseUntil = () => new Date(clock.now().getTime() + leaseMs);

  /** Renders one letter; the reason (no PIN, no recipient) when it cannot be. */
  async function render(
    l: Awaited<ReturnType<typeof lettersOfBatch>>[number],
  ): Promise<{ pdf: Uint8Array; country: string } | { error: string }> {
    if (l.secret === null) return { error: "message secret missing (already erased?)" };
    let secret: string;
    try {
      secret = open(deps.outboxKey, l.secret, l.id);
    } catch {
      return { error: "message secret cannot be decrypted (wrong OUTBOX_KEY or damaged row)" };
    }
    try {
      const content = await renderMessage(l.kind, "letter", l.payload, secret);
      if (content.pdf === undefined) return { error: `${l.kind} has no letter PDF` };
      return { pdf: content.pdf, country: content.country ?? "ZZ" };
    } catch (err) {
      return { error: `letter cannot be rendered: ${errorText(err)}` };
    }
  }

  /** Writes the batch's PDFs then its manifest, and marks it uploaded. Holds the lease. */
  async function upload(
    batch: LetterBatch,
    resumed: boolean,
  ): Promise<{ done: UploadedBatch | null; failed: number }> {
    const entries: ManifestLetter[] = [];
    let failed = 0;
    for (const l of await lettersOfBatch(db, batch.id)) {
      const file = pdfFile(batch.id, l.id);
      const r = await render(l);
      if ("error" in r) {
        failed += 1;
        const abandon = l.attempts >= LETTER_MAX_ATTEMPTS;
        await dropFromBatch(db, l.id, r.error, clock.now(), abandon);
        await drop.remove(file); // an earlier attempt may have written it
        if (abandon) deliveries.inc({ channel: "letter", outcome: "abandoned" });
        log?.warn({ event: "letters.unrenderable", id: l.id, batchId: batch.id, abandon }, r.error);
        continue;
      }
      await drop.put(file, r.pdf);
      entries.push({
        messageId: l.id,
        file: `${l.id}.pdf`,
        country: r.country,
        pages: await pageCount(r.pdf),
        bytes: r.pdf.length,
        sha256: createHash("sha256").update(r.pdf).digest("hex"),
      });
      if (!(await leaseBatch(db, batch.id, owner, clock.now(), leaseUntil())))
        throw new Error(`letter batch ${batch.id}: upload lease lost to another process`);
    }
    if (entries.length === 0) {
      await discardEmptyBatch(db, batch.id);
      return { done: null, failed };
    }
    const pages = entries.reduce((n, e) => n + e.pages, 0);
    const manifest: Manifest = {
      batchId: batch.id,
      createdAt: batch.createdAt.toISOString(),
      date: batch.romeDate,
      format: "A4-DL-window-right",
      letters: entries,
      totals: { letters: entries.length, pages },
    };
    await drop.put(manifestFile(batch.id), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await markUploaded(db, batch.id, clock.now(), { letters: entries.length, pages });
    deliveries.inc({ channel: "letter", outcome: "uploaded" }, entries.length);
    letterBatches.inc({ outcome: "uploaded" });
    log?.info(
      { event: "letters.uploaded", batchId: batch.id, letters: entries.length, pages, resumed },
      "letter batch uploaded",
    );
    return { done: { batchId: batch.id, letters: entries.length, pages, resumed }, failed };
  }

  /** Uploads a batch this process leased; gives the lease back when the upload fails. */
  async function uploadLeased(
    batch: LetterBatch,
    resumed: boolean,
  ): Promise<{ done: UploadedBatch | null; failed: number }> {
    try {
      return await upload(batch, resumed);
    } catch (err) {
      await releaseBatch(db, batch.id, owner).catch(() => undefined);
      log?.error(
        { event: "letters.upload_failed", batchId: batch.id, error: errorText(err) },
        "letter batch upload failed; the next run resumes it",
      );
      throw err;
    }
  }

  async function runBatch(opts: { resumeOnly?: boolean } = {}): Promise<BatchReport> {
    const uploaded: UploadedBatch[] = [];
    let busy = 0;
    let failed = 0;
    const add = (r: { done: UploadedBatch | null; failed: number }) => {
      if (r.done !== null) uploaded.push(r.done);
      failed += r.failed;
    };
    for (const b of await buildingBatches(db)) {
      if (!(await leaseBatch(db, b.id, owner, clock.now(), leaseUntil()))) {
        busy += 1;
        continue;
      }
      add(await uploadLeased(b, true));
    }
    if (opts.resumeOnly !== true) {
      const now = clock.now();
      const claimed = await claimNewBatch(db, {
        id: randomUUID(),
        romeDate: romeDate(now),
        now,
        owner,
        leaseUntil: leaseUntil(),
      });
      if (claimed !== null) add(await uploadLeased(claimed.batch, false));
    }
    return { uploaded, failed, busy };
  }

  async function pollBatch(batch: LetterBatch, report: AckReport): Promise<void> {
    const raw = await drop.read(ackFile(batch.id));
    if (raw === null) return;
    report.read += 1;
    let ack: Acknowledgement;
    try {
      ack = ackSchema.parse(JSON.parse(Buffer.from(raw).toString("utf8")));
      if (ack.batchId !== batch.id) throw new Error("names another batch");
    } catch (err) {
      log?.warn(
        { event: "letters.ack_invalid", batchId: batch.id, error: errorText(err).slice(0, 200) },
        "unreadable acknowledgement; read again at the next poll",
      );
      return;
    }
    const states = await batchLetterStates(db, batch.id);
    const inBatch = new Set(states.map((s) => s.id));
    const named = [...ack.printed, ...(ack.rejected ?? []).map((r) => r.messageId)];
    const unknown = named.filter((id) => !inBatch.has(id));
    if (unknown.length > 0) {
      report.ignored += unknown.length;
      log?.warn(
        { event: "letters.ack_unknown", batchId: batch.id, ids: unknown.slice(0, 20) },
        "acknowledgement names letters that are not in its batch: ignored",
      );
    }
    const now = clock.now();
    const printed = await markPrinted(
      db,
      batch.id,
      ack.printed.filter((id) => inBatch.has(id)),
      now,
    );
    report.printed += printed.length;
    deliveries.inc({ channel: "letter", outcome: "printed" }, printed.length);
    const printedNow = new Set(ack.printed);
    for (const r of ack.rejected ?? []) {
      if (!inBatch.has(r.messageId) || printedNow.has(r.messageId)) continue;
      if (await markRejected(db, batch.id, r.messageId, r.reason, clock.now())) {
        report.rejected += 1;
        deliveries.inc({ channel: "letter", outcome: "rejected" });
        log?.warn(
          { event: "letters.rejected", batchId: batch.id, id: r.messageId },
          "print vendor rejected a letter",
        );
      }
    }
    // Printed or rejected, a letter's PDF (its PIN half in clear) leaves the drop.
    const after = await batchLetterStates(db, batch.id);
    for (const s of after)
      if (s.state === "printed" || s.state === "rejected")
        await drop.remove(pdfFile(batch.id, s.id));
    if (after.every((s) => s.state !== "pending")) {
      await markAcknowledged(db, batch.id, clock.now());
      letterBatches.inc({ outcome: "acknowledged" });
      report.acknowledged.push(batch.id);
      log?.info(
        { event: "letters.acknowledged", batchId: batch.id, letters: after.length },
        "letter batch acknowledged by the print vendor",
      );
    }
  }

  async function pollAcknowledgements(): Promise<AckReport> {
    const report: AckReport = { read: 0, printed: 0, rejected: 0, ignored: 0, acknowledged: [] };
    for (const batch of await uploadedBatches(db)) await pollBatch(batch, report);
    return report;
  }

  return { runBatch, pollAcknowledgements };
}
