/**
 * Delivery throughput (npm run bench; alone with BENCH_ONLY=delivery, no database needed):
 *
 *   1. Letters rendered per second on one core: the PIN letter (renderMessage, as the batch
 *      renders it: structured address, tagged PDF, embedded fonts) beside a bare pdfkit page
 *      (one line of text, no fonts embedded) in the same process. Goal ≥ 200 letters/s.
 *   2. E-mails handed to SMTP per second: the e-mail channel (createSmtpChannel: pooled
 *      nodemailer, rendered text + HTML, Message-ID) beside a bare pooled nodemailer sendMail
 *      of the same text to the same local SMTP server, same concurrency.
 * Each pair runs in one process, one after the other, for BENCH_SECONDS/2 each.
 */
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import PDFDocument from "pdfkit";
import { createSmtpChannel } from "../src/notifications/channels/smtp.ts";
import { renderMessage } from "../src/notifications/render.ts";
import { startSmtpTestServer } from "../test/helpers/smtp-test-server.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10) / 2;
const CONCURRENCY = 4;
const LETTER_GOAL = 200;

const LETTER = {
  lang: "it",
  recipientName: "Mario Rossi",
  date: "2026-11-27",
  claimReference: "R-20261127-0001",
  fiscalCodeMasked: "RSS*********58W",
  address: {
    name: "Mario Rossi",
    line1: "Avenida Corrientes 1234",
    line2: "Piso 5, Depto. B",
    postalCode: "C1043AAZ",
    city: "Buenos Aires",
    region: "Ciudad Autónoma de Buenos Aires",
    country: "AR",
  },
};

/** Runs `one` back to back (with `parallel` in flight) for `seconds`: operations per second. */
async function rate(
  seconds: number,
  parallel: number,
  one: () => Promise<unknown>,
): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const lane = async () => {
    while (performance.now() < until) {
      await one();
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: parallel }, lane));
  return done / ((performance.now() - start) / 1000);
}

function barePdfPage(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.text("Seconda parte del PIN: ABCD EFGH");
    doc.end();
  });
}

const f = (n: number) => n.toFixed(1).padStart(9);

export async function deliveryBench(): Promise<void> {
  // Warm-up: fonts loaded, code paths compiled.
  for (let i = 0; i < 5; i++) {
    await renderMessage("pin_second_half_letter", "letter", LETTER, "ABCDEFGH");
    await barePdfPage();
  }
  const bare = await rate(SECONDS, 1, barePdfPage);
  const letters = await rate(SECONDS, 1, () =>
    renderMessage("pin_second_half_letter", "letter", LETTER, "ABCDEFGH"),
  );

  const smtp = await startSmtpTestServer();
  const from = '"INPS" <noreply@inps.example>';
  const channel = createSmtpChannel({ url: smtp.url, from }, { channel: "email" });
  const content = await renderMessage(
    "pin_first_half",
    "email",
    { lang: "it", fullName: "Mario Rossi", claimReference: "R-1" },
    "ABCDEFGH",
  );
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: CONCURRENCY,
    host: "127.0.0.1",
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
    auth: { user: "mailer", pass: "secret" },
  });
  try {
    const bareMail = await rate(SECONDS, CONCURRENCY, () =>
      transport.sendMail({ from, to: "p@example.org", subject: "PIN", text: content.text }),
    );
    const mails = await rate(SECONDS, CONCURRENCY, () =>
      channel.send({
        id: randomUUID(),
        channel: "email",
        kind: "pin_first_half",
        to: "p@example.org",
        subject: content.subject,
        text: content.text,
        html: content.html,
        createdAt: new Date(),
      }),
    );
    console.log("\ndelivery                                  rate/s  baseline/s   ratio  target");
    console.log(
      `${"letters rendered, one core".padEnd(38)}${f(letters)}${f(bare)}  ${(letters / bare).toFixed(2).padStart(6)}  >= ${LETTER_GOAL}/s ${letters >= LETTER_GOAL ? "ok" : "MISSED"}`,
    );
    console.log(
      `${`e-mails handed to SMTP, ${CONCURRENCY} conns`.padEnd(38)}${f(mails)}${f(bareMail)}  ${(mails / bareMail).toFixed(2).padStart(6)}  (information)`,
    );
    console.log(
      "baselines: a bare pdfkit page (one line, no embedded fonts); a bare pooled nodemailer sendMail of the same text to the same server",
    );
  } finally {
    transport.close();
    await channel.close?.();
    await smtp.close();
  }
}
