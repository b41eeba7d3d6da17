/**
 * Development delivery: every message becomes a JSON file (and letters a PDF beside it) in
 * the outbox folder, where /dev/outbox shows them. Writing by message id makes a retried
 * delivery overwrite, not duplicate.
 */
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { ChannelSet, DeliveryChannel, RenderedMessage } from "./channel.ts";

export const devOutboxEntrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  channel: z.enum(["sms", "email", "pec", "letter"]),
  to: z.string(),
  subject: z.string().optional(),
  text: z.string(),
  pdfUrl: z.string().optional(),
  createdAt: z.string(),
});
export type DevOutboxEntry = z.infer<typeof devOutboxEntrySchema>;

const ID_PATTERN = /^[0-9a-f-]{36}$/u;

export function devOutboxChannel(dir: string): DeliveryChannel {
  return {
    async send(m: RenderedMessage) {
      await mkdir(dir, { recursive: true });
      const entry: DevOutboxEntry = {
        id: m.id,
        kind: m.kind,
        channel: m.channel,
        to: m.to,
        ...(m.subject === undefined ? {} : { subject: m.subject }),
        text: m.text,
        ...(m.pdf === undefined ? {} : { pdfUrl: `/dev/outbox/${m.id}.pdf` }),
        createdAt: m.createdAt.toISOString(),
      };
      if (m.pdf !== undefined) await writeAtomic(join(dir, `${m.id}.pdf`), m.pdf);
      await writeAtomic(join(dir, `${m.id}.json`), JSON.stringify(entry, null, 2));
      return { providerRef: `file:${m.id}` };
    },
  };
}

export function devChannels(dir: string): ChannelSet {
  const ch = devOutboxChannel(dir);
  return { sms: ch, email: ch, pec: ch, letter: ch };
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, data, { mode: 0o600 });
  await rename(tmp, path);
}

/** Every delivered message, newest first. */
export async function listDevOutbox(dir: string): Promise<DevOutboxEntry[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  const entries: DevOutboxEntry[] = [];
  for (const f of files) {
    try {
      const parsed = devOutboxEntrySchema.safeParse(
        JSON.parse(await readFile(join(dir, f), "utf8")),
      );
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // A half-written or foreign file is not a message.
    }
  }
  return entries.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id),
  );
}

export async function readDevOutboxPdf(dir: string, id: string): Promise<Buffer | null> {
  if (!ID_PATTERN.test(id)) return null;
  try {
    return await readFile(join(dir, `${id}.pdf`));
  } catch {
    return null;
  }
}
