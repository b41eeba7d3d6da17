/**
 * kill -9 in the middle of the work, real processes and real servers (production mode,
 * PostgreSQL): the letter batch killed while uploading over SFTP, then run again; the outbox
 * worker killed while handing SMS to the gateway, then another started. Afterwards every
 * message reached its provider — letters once each across the vendor's manifests (the batch
 * resumes under the same id and file names), SMS once per id at the gateway — none lost, and
 * once the vendor acknowledged, no PIN half left in clear on disk.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { enqueue } from "../../src/store/repos/outbox.ts";
import { aFirstHalfMessage } from "../helpers/builders.ts";
import { queueLetter } from "../helpers/letters.ts";
import { eventually, runCli, spawnCli, startCli } from "../helpers/cli-process.ts";
import { ENGINE } from "../helpers/db.ts";
import { productionInstall, type ProductionInstall } from "../helpers/production.ts";
import { findSecretsOnDisk } from "../helpers/secrets-on-disk.ts";

interface Manifest {
  batchId: string;
  letters: { messageId: string; file: string }[];
}

function manifests(root: string): Manifest[] {
  const inbox = join(root, "inbox");
  if (!existsSync(inbox)) return [];
  return readdirSync(inbox)
    .map((d) => join(inbox, d, "manifest.json"))
    .filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, "utf8")) as Manifest);
}

function pdfsUploaded(root: string): number {
  const inbox = join(root, "inbox");
  if (!existsSync(inbox)) return 0;
  return readdirSync(inbox).reduce(
    (n, d) => n + readdirSync(join(inbox, d)).filter((f) => f.endsWith(".pdf")).length,
    0,
  );
}

describe("kill -9 mid-work", { skip: ENGINE !== "postgres" }, () => {
  let inst: ProductionInstall;

  before(async () => {
    inst = await productionInstall({ env: { OUTBOX_LEASE_SECONDS: "3" } });
  });
  after(async () => {
    await inst.close();
  });

  it("a letter batch killed while uploading resumes: each letter printed once, halves erased", async () => {
    const key = Buffer.from(inst.env.OUTBOX_KEY ?? "", "base64");
    const letters: { id: string; half: string }[] = [];
    for (let i = 0; i < 12; i++) letters.push(await queueLetter(inst.db.db, key, new Date(), i));
    inst.sftp.setMode({ delayMs: 200 });
    const batch = spawnCli(["letters", "batch", "--now"], inst.env);
    await eventually("some letters uploaded", () =>
      pdfsUploaded(inst.sftp.root) >= 3 ? true : undefined,
    );
    await batch.kill9();
    assert.deepEqual(manifests(inst.sftp.root), [], "no manifest: the vendor waits");

    inst.sftp.setMode("ok");
    // The killed upload's lease (OUTBOX_LEASE_SECONDS=3) runs out; the rerun resumes its batch.
    await new Promise((r) => setTimeout(r, 3500));
    const again = await runCli(["letters", "batch", "--now"], inst.env);
    assert.equal(again.code, 0, again.out);
    const twice = await runCli(["letters", "batch", "--now"], inst.env);
    assert.equal(twice.code, 0, twice.out);

    const all = manifests(inst.sftp.root);
    assert.equal(all.length, 1, "one batch: the interrupted one, resumed");
    const ids = all.flatMap((m) => m.letters.map((l) => l.messageId)).sort();
    assert.deepEqual(ids, letters.map((l) => l.id).sort(), "every letter once");

    const [m] = all;
    assert.ok(m !== undefined);
    inst.sftp.writeAck(m.batchId, ids);
    const acks = await runCli(["letters", "acks"], inst.env);
    assert.equal(acks.code, 0, acks.out);
    const sealed = await inst.db.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE channel = 'letter' AND secret IS NOT NULL",
    );
    assert.equal(sealed[0]?.n, 0);
    assert.deepEqual(
      findSecretsOnDisk(
        [inst.sftp.root, inst.dataDir],
        letters.map((l) => l.half),
      ),
      [],
    );
  });

  it("a worker killed while sending SMS: another finishes, each id once at the gateway", async () => {
    const key = Buffer.from(inst.env.OUTBOX_KEY ?? "", "base64");
    const sms = Array.from({ length: 20 }, (_, i) =>
      aFirstHalfMessage({
        recipient: `+5491123460${String(100 + i)}`,
        secret: `SMSK${String(4000 + i)}`,
      }),
    );
    for (const m of sms) await enqueue(inst.db.db, key, m, new Date());
    inst.sms.setMode({ delayMs: 300 });
    const first = await startCli(["worker"], inst.env, /worker/u);
    await eventually("some SMS sent", () => (inst.sms.accepted.length >= 3 ? true : undefined));
    await first.kill9();
    inst.sms.setMode("accept");
    const second = await startCli(["worker"], inst.env, /worker/u);
    try {
      await eventually(
        "every SMS sent",
        async () => {
          const rows = await inst.db.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM outbox WHERE channel = 'sms' AND status <> 'sent'",
          );
          return rows[0]?.n === 0 ? true : undefined;
        },
        60_000,
        250,
      );
    } finally {
      await second.stop();
    }
    const accepted = [...new Set(inst.sms.accepted)].sort();
    assert.deepEqual(accepted, sms.map((m) => m.id).sort());
  });
});
