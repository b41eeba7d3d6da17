/**
 * Where letter batches go for the print vendor: an SFTP drop (ssh2-sftp-client) or a folder
 * (a mounted share). Paths are relative to the drop's root, "/"-separated. Every file is
 * written under a temporary name (".<name>.part" beside it) and renamed into place, so the
 * vendor never sees half a file; rewriting a file replaces it whole.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import SftpClient from "ssh2-sftp-client";
import type { LetterDrop } from "../../config-delivery.ts";
import { secretsEqual } from "../../security/crypto.ts";

export interface LetterDropTransport {
  /** The drop without credentials ("sftp://host:port/path", "dir:/path"), for logs. */
  readonly description: string;
  /** Writes `file` whole (temporary name, then rename), creating its folder. */
  put(file: string, bytes: Uint8Array): Promise<void>;
  /** The file's bytes, or null when it does not exist. */
  read(file: string): Promise<Uint8Array | null>;
  /** Names in a folder (empty when the folder does not exist). */
  list(dir: string): Promise<string[]>;
  /** Removes a file; a missing one is fine. */
  remove(file: string): Promise<void>;
  /** Readiness: connects and checks the drop's folder exists. */
  check(): Promise<void>;
  close(): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/u;

/** A relative path of safe segments (no "..", no absolute path, no hidden files). */
function checkPath(path: string): string[] {
  const parts = path.split("/");
  if (path === "" || !parts.every((p) => SEGMENT.test(p) && p !== "..")) {
    throw new RangeError(`not a drop path: ${JSON.stringify(path)}`);
  }
  return parts;
}

const partName = (base: string): string => `.${base}.part`;

export function createLetterDrop(drop: LetterDrop): LetterDropTransport {
  return drop.kind === "dir" ? dirDrop(drop.dir) : sftpDrop(drop.url);
}

function dirDrop(root: string): LetterDropTransport {
  const full = (path: string) => join(root, ...checkPath(path));
  return {
    description: `dir:${root}`,
    async put(file, bytes) {
      const target = full(file);
      await mkdir(dirname(target), { recursive: true });
      const tmp = join(dirname(target), partName(posix.basename(file)));
      // Never through a link someone planted under the temporary name: removed, then created
      // exclusively (O_EXCL does not follow a symbolic link).
      await rm(tmp, { force: true });
      const fh = await open(tmp, "wx", 0o640);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, target);
    },
    async read(file) {
      try {
        return await readFile(full(file));
      } catch (err) {
        if (isCode(err, "ENOENT")) return null;
        throw err;
      }
    },
    async list(dir) {
      try {
        return (await readdir(full(dir))).sort();
      } catch (err) {
        if (isCode(err, "ENOENT")) return [];
        throw err;
      }
    },
    async remove(file) {
      await rm(full(file), { force: true });
    },
    async check() {
      if (!(await stat(root)).isDirectory()) throw new Error(`${root} is not a folder`);
      await access(root, constants.W_OK);
    },
    async close() {
      // Nothing held open.
    },
  };
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === code;
}

interface SftpTarget {
  host: string;
  port: number;
  username: string;
  password: string;
  root: string;
  /** "SHA256:<base64>" of the server's host key (?host_key=…), checked when given. */
  hostKey: string | undefined;
}

/** sftp://user:pass@host:port/path[?host_key=SHA256:…] */
export function parseSftpUrl(url: string): SftpTarget {
  const u = new URL(url);
  if (u.protocol !== "sftp:") throw new RangeError("expected an sftp:// URL");
  const root = decodeURIComponent(u.pathname) || "/";
  return {
    host: u.hostname,
    port: u.port === "" ? 22 : Number(u.port),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    root: root.length > 1 ? root.replace(/\/+$/u, "") : root,
    hostKey: rawParam(u.search, "host_key"),
  };
}

/**
 * A query parameter percent-decoded without turning "+" into a space: an SSH fingerprint is
 * base64 and is pasted as `ssh-keygen -lf` prints it ("SHA256:ab+cd/ef").
 */
function rawParam(search: string, name: string): string | undefined {
  for (const pair of search.replace(/^\?/u, "").split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq) === name) return decodeURIComponent(pair.slice(eq + 1));
  }
  return undefined;
}

/** The fingerprint OpenSSH prints: "SHA256:" and the unpadded base64 of the key's hash. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/u, "")}`;
}

function sftpDrop(url: string): LetterDropTransport {
  const t = parseSftpUrl(url);
  const full = (path: string) => posix.join(t.root, ...checkPath(path));
  let current: Promise<SftpClient> | undefined;

  async function connect(forget: () => void): Promise<SftpClient> {
    // The connection ending for any reason (server restart, idle timeout, dropped link):
    // forget it, the next operation reconnects.
    const client = new SftpClient("inps-pin-letters", {
      error: forget,
      end: forget,
      close: forget,
    });
    await client.connect({
      host: t.host,
      port: t.port,
      username: t.username,
      password: t.password,
      readyTimeout: 20_000,
      retries: 1,
      // A link that silently dies (a black-holed route) is noticed within ~30 s, not never.
      keepaliveInterval: 10_000,
      keepaliveCountMax: 3,
      ...(t.hostKey === undefined
        ? {}
        : {
            hostVerifier: (key: Buffer) => secretsEqual(hostKeyFingerprint(key), t.hostKey ?? ""),
          }),
    });
    // One small request after another: without TCP_NODELAY each waits for a delayed ACK.
    const ssh = (client as unknown as { client?: { setNoDelay?: (on: boolean) => void } }).client;
    ssh?.setNoDelay?.(true);
    return client;
  }

  function connection(): Promise<SftpClient> {
    if (current !== undefined) return current;
    const attempt: Promise<SftpClient> = connect(() => {
      if (current === attempt) current = undefined;
    });
    current = attempt;
    attempt.catch(() => {
      if (current === attempt) current = undefined;
    });
    return attempt;
  }

  /** Runs fn on the connection; any failure drops the connection, the next call reconnects. */
  async function withClient<T>(fn: (c: SftpClient) => Promise<T>): Promise<T> {
    const attempt = connection();
    const c = await attempt;
    try {
      return await fn(c);
    } catch (err) {
      if (current === attempt) current = undefined;
      await c.end().catch(() => undefined);
      throw err;
    }
  }

  return {
    description: `sftp://${t.host}:${t.port}${t.root}`,
    put(file, bytes) {
      return withClient(async (c) => {
        const target = full(file);
        const dir = posix.dirname(target);
        if ((await c.exists(dir)) !== "d") await c.mkdir(dir, true);
        const tmp = posix.join(dir, partName(posix.basename(target)));
        await c.put(Buffer.from(bytes), tmp);
        // SFTP's RENAME does not replace: a file rewritten on resume goes first.
        if ((await c.exists(target)) !== false) await c.delete(target, true);
        await c.rename(tmp, target);
      });
    },
    read(file) {
      return withClient(async (c) => {
        const target = full(file);
        if ((await c.exists(target)) !== "-") return null;
        const data = await c.get(target);
        if (!Buffer.isBuffer(data)) throw new Error("unexpected SFTP read result");
        return data;
      });
    },
    list(dir) {
      return withClient(async (c) => {
        const target = full(dir);
        if ((await c.exists(target)) !== "d") return [];
        return (await c.list(target)).map((f) => f.name).sort();
      });
    },
    remove(file) {
      return withClient(async (c) => {
        await c.delete(full(file), true);
      });
    },
    check() {
      return withClient(async (c) => {
        if ((await c.exists(t.root)) !== "d") throw new Error(`${t.root} is not a folder`);
      });
    },
    async close() {
      const attempt = current;
      current = undefined;
      if (attempt === undefined) return;
      const c = await attempt.catch(() => undefined);
      await c?.end().catch(() => undefined);
    },
  };
}
