/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) for channel and fault tests, and
 * for the end-to-end journey:
 *
 *   const smtp = await startSmtpTestServer();            // free port, mode "accept"
 *   createSmtpChannel({ url: smtp.url, from: "INPS <noreply@inps.it>" }, { channel: "email" });
 *   smtp.setMode({ reply: 421, at: "rcpt" });             // next transactions fail so
 *   smtp.messages                                         // what it accepted (parsed)
 *   await smtp.close();                                   // in after()
 *
 * Modes: "accept"; `{reply, at}` answers RCPT TO or the end of DATA with that code; "hang"
 * drops the open connections, then accepts new ones and never greets; `{hang: "data"}` takes the message and never
 * answers it (counted in `unanswered`, not in `messages`); "refuse" closes the listener so
 * connections are refused — any later mode listens again on the same port.
 * Plain SMTP without STARTTLS by default, any AUTH accepted (the user is recorded).
 */
import type { Socket } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type SmtpTestMode =
  | "accept"
  | "hang"
  | "refuse"
  | { hang: "data" }
  | { reply: 421 | 450 | 451 | 452 | 503 | 550 | 552 | 553 | 554; at: "rcpt" | "data" };

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** The authenticated user, if the client logged in. */
  user: string | undefined;
  raw: string;
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string | undefined;
}

export interface SmtpTestServer {
  port: number;
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  messages: ReceivedMail[];
  /** Messages taken in mode {hang: "data"} and never answered. */
  unanswered: number;
  /** TCP connections accepted so far. */
  connections: number;
  setMode(mode: SmtpTestMode): Promise<void>;
  close(): Promise<void>;
}

export interface SmtpTestServerOptions {
  mode?: SmtpTestMode;
  /** Extra smtp-server options (e.g. TLS material, STARTTLS enabled). */
  server?: Partial<SMTPServerOptions>;
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

export async function startSmtpTestServer(
  opts: SmtpTestServerOptions = {},
): Promise<SmtpTestServer> {
  let mode: SmtpTestMode = opts.mode ?? "accept";
  let server: SMTPServer | undefined;
  const sockets = new Set<Socket>();
  const state: SmtpTestServer = {
    port: 0,
    url: "",
    messages: [],
    unanswered: 0,
    connections: 0,
    setMode,
    close: stop,
  };

  const options: SMTPServerOptions = {
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 100,
    onAuth(auth, _session, cb) {
      cb(null, { user: auth.username });
    },
    onConnect(_session, cb) {
      if (mode === "hang") return; // never greets
      cb();
    },
    onRcptTo(address, _session, cb) {
      if (typeof mode === "object" && "reply" in mode && mode.at === "rcpt") {
        cb(smtpError(mode.reply, `${mode.reply} mailbox <${address.address}> unavailable`));
        return;
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (typeof mode === "object" && "hang" in mode) {
          state.unanswered++;
          return; // never answers
        }
        if (typeof mode === "object" && "reply" in mode && mode.at === "data") {
          cb(smtpError(mode.reply, `${mode.reply} message refused`));
          return;
        }
        const to = session.envelope.rcptTo.map((a) => a.address);
        const from = session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address;
        const user = typeof session.user === "string" ? session.user : undefined;
        state.messages.push(parseMail(Buffer.concat(chunks).toString("utf8"), from, to, user));
        cb(null, "OK queued");
      });
    },
    ...opts.server,
  };

  async function listen(port: number): Promise<void> {
    const s = new SMTPServer(options);
    s.server.on("connection", (socket: Socket) => {
      state.connections++;
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    s.on("error", () => undefined);
    await new Promise<void>((resolve, reject) => {
      s.server.once("error", reject);
      s.listen(port, "127.0.0.1", () => resolve());
    });
    server = s;
    const addr = s.server.address();
    if (addr === null || typeof addr === "string") throw new Error("no port");
    state.port = addr.port;
    state.url = `smtp://mailer:secret@127.0.0.1:${addr.port}`;
  }

  async function stop(): Promise<void> {
    const s = server;
    server = undefined;
    if (s === undefined) return;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  async function setMode(next: SmtpTestMode): Promise<void> {
    mode = next;
    if (next === "refuse") await stop();
    else if (server === undefined) await listen(state.port);
    else if (next === "hang") for (const socket of sockets) socket.destroy();
  }

  if (mode === "refuse") throw new Error("start in another mode, then refuse");
  await listen(0);
  return state;
}

// ---- a small MIME reader: headers, quoted-printable/base64 parts, encoded words ----------

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/gu, " ").split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function split(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf("\r\n\r\n");
  if (at < 0) return { headers: parseHeaders(raw), body: "" };
  return { headers: parseHeaders(raw.slice(0, at)), body: raw.slice(at + 4) };
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\r\n/gu, "");
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i] ?? "";
    const hex = soft.slice(i + 1, i + 3);
    if (ch === "=" && /^[0-9A-F]{2}$/iu.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(ch, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? "").toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/gu, ""), "base64").toString("utf8");
  if (e === "quoted-printable") return decodeQp(body);
  return body;
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/gu, "?==?")
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/giu, (_m, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQp(text.replace(/_/gu, " ")),
    );
}

function parts(headers: Map<string, string>, body: string): { type: string; content: string }[] {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/iu.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || boundary === undefined)
    return [
      {
        type: type.split(";")[0]?.trim().toLowerCase() ?? "text/plain",
        content: decodeBody(body, headers.get("content-transfer-encoding")),
      },
    ];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith("--"))
    .flatMap((p) => {
      const inner = split(p.replace(/^\r\n/u, "").replace(/\r\n$/u, ""));
      return parts(inner.headers, inner.body);
    });
}

export function parseMail(
  raw: string,
  envelopeFrom: string,
  envelopeTo: string[],
  user: string | undefined,
): ReceivedMail {
  const { headers, body } = split(raw);
  const all = parts(headers, body);
  return {
    envelopeFrom,
    envelopeTo,
    user,
    raw,
    headers,
    subject: decodeWords(headers.get("subject") ?? ""),
    messageId: headers.get("message-id") ?? "",
    text: all.find((p) => p.type === "text/plain")?.content.replace(/\r\n/gu, "\n") ?? "",
    html: all.find((p) => p.type === "text/html")?.content.replace(/\r\n/gu, "\n"),
  };
}
