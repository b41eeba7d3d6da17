/**
 * A real SFTP server on 127.0.0.1 for tests (ssh2's Server), backed by a temporary folder:
 * the print vendor's drop. Password authentication, an ed25519 host key generated at start.
 *
 *   const sftp = await startSftpTestServer();
 *   // LETTERS_SFTP_URL = sftp.url  (sftp://vendor:secret@127.0.0.1:<port>/inbox)
 *   sftp.setMode({ dropAfterWrites: 3 });  // the 4th WRITE (and every later one) drops the connection
 *   sftp.setMode("refuse");                // authentication fails
 *   sftp.setMode("ok");
 *   await sftp.writeAck(batchId, [id1], [{ messageId: id2, reason: "address unreadable" }]);
 *   sftp.written;  // every file written and closed, as "/inbox/<batch>/<file>" (renames not counted)
 *   await sftp.close();  // stops the server and removes the folder
 *
 * Implements what ssh2-sftp-client uses for put, get, list, exists, mkdir, rename and delete:
 * OPEN, READ, WRITE, CLOSE, FSTAT, FSETSTAT, STAT, LSTAT, SETSTAT, OPENDIR, READDIR, REMOVE,
 * RMDIR, MKDIR, RENAME, REALPATH.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import {
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import ssh2 from "ssh2";
import type { Attributes, Connection, SFTPWrapper } from "ssh2";

const { Server, utils } = ssh2;
const { OPEN_MODE, STATUS_CODE } = utils.sftp;

export type SftpMode =
  | "ok"
  | "refuse"
  | { dropAfterWrites: number }
  /** Every WRITE answered this much later (a slow link: a process can be killed mid-batch). */
  | { delayMs: number };

export interface SftpTestServer {
  port: number;
  /** sftp://vendor:secret@127.0.0.1:<port>/inbox (with ?host_key=… when asked). */
  url: string;
  /** "SHA256:…" of the host key (for LETTERS_SFTP_URL's host_key parameter). */
  hostKey: string;
  /** The temporary folder served as "/" ("/inbox" is `join(root, "inbox")`). */
  root: string;
  /** The drop folder on disk (root/inbox). */
  inbox: string;
  /** Files written and closed, by their SFTP path, in order (a rewrite appears again). */
  written: string[];
  setMode(mode: SftpMode): void;
  /** Writes `<batchId>/ack.json` into the inbox as the print vendor would. */
  writeAck(
    batchId: string,
    printed: string[],
    rejected?: { messageId: string; reason: string }[],
  ): Promise<void>;
  close(): Promise<void>;
}

const USER = "vendor";
const PASSWORD = "secret";

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function attrsOf(s: Stats): Attributes {
  return {
    mode: s.mode,
    uid: s.uid,
    gid: s.gid,
    size: s.size,
    atime: Math.floor(s.atimeMs / 1000),
    mtime: Math.floor(s.mtimeMs / 1000),
  };
}

function statusOf(err: unknown): number {
  const code = typeof err === "object" && err !== null && "code" in err ? err.code : "";
  return code === "ENOENT"
    ? STATUS_CODE.NO_SUCH_FILE
    : code === "EACCES"
      ? STATUS_CODE.PERMISSION_DENIED
      : STATUS_CODE.FAILURE;
}

type Handle =
  | { kind: "file"; fd: number; path: string; writing: boolean }
  | { kind: "dir"; path: string; sent: boolean };

export async function startSftpTestServer(
  opts: { withHostKey?: boolean } = {},
): Promise<SftpTestServer> {
  const root = await mkdtemp(join(tmpdir(), "inps-sftp-"));
  const inbox = join(root, "inbox");
  await mkdir(inbox);
  const keys = utils.generateKeyPairSync("ed25519");
  const parsed = utils.parseKey(keys.public);
  if (parsed instanceof Error) throw parsed;
  const hostKey = `SHA256:${createHash("sha256").update(parsed.getPublicSSH()).digest("base64").replace(/=+$/u, "")}`;
  let mode: SftpMode = "ok";
  let writes = 0;
  const written: string[] = [];
  const connections = new Set<Connection>();

  /** An SFTP path → a path inside root (never outside it). */
  const local = (p: string): string => join(root, posix.normalize(`/${p}`));

  function serve(sftp: SFTPWrapper, client: Connection): void {
    const handles = new Map<number, Handle>();
    let next = 0;
    const newHandle = (h: Handle): Buffer => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(next, 0);
      handles.set(next++, h);
      return b;
    };
    const get = (b: Buffer): Handle | undefined =>
      b.length === 4 ? handles.get(b.readUInt32BE(0)) : undefined;
    const attempt = (reqid: number, fn: () => void): void => {
      try {
        fn();
      } catch (err) {
        sftp.status(reqid, statusOf(err));
      }
    };

    sftp
      .on("OPEN", (reqid, filename, flags) => {
        attempt(reqid, () => {
          const writing = (flags & OPEN_MODE.WRITE) !== 0;
          const flag = utils.sftp.flagsToString(flags) ?? "r";
          const fd = openSync(local(filename), flag, 0o640);
          sftp.handle(reqid, newHandle({ kind: "file", fd, path: filename, writing }));
        });
      })
      .on("WRITE", (reqid, handle, offset, data) => {
        const h = get(handle);
        if (h?.kind !== "file") {
          sftp.status(reqid, STATUS_CODE.FAILURE);
          return;
        }
        writes += 1;
        if (
          typeof mode === "object" &&
          "dropAfterWrites" in mode &&
          writes > mode.dropAfterWrites
        ) {
          // Mid-upload: the connection goes, the file stays half written under its name.
          client.end();
          return;
        }
        const write = () => {
          attempt(reqid, () => {
            writeSync(h.fd, data, 0, data.length, offset);
            sftp.status(reqid, STATUS_CODE.OK);
          });
        };
        if (typeof mode === "object" && "delayMs" in mode) setTimeout(write, mode.delayMs);
        else write();
      })
      .on("READ", (reqid, handle, offset, length) => {
        const h = get(handle);
        if (h?.kind !== "file") {
          sftp.status(reqid, STATUS_CODE.FAILURE);
          return;
        }
        attempt(reqid, () => {
          const buf = Buffer.alloc(length);
          const n = readSync(h.fd, buf, 0, length, offset);
          if (n === 0) sftp.status(reqid, STATUS_CODE.EOF);
          else sftp.data(reqid, buf.subarray(0, n));
        });
      })
      .on("CLOSE", (reqid, handle) => {
        const h = get(handle);
        if (h === undefined) {
          sftp.status(reqid, STATUS_CODE.FAILURE);
          return;
        }
        handles.delete(handle.readUInt32BE(0));
        attempt(reqid, () => {
          if (h.kind === "file") {
            closeSync(h.fd);
            if (h.writing) written.push(posix.normalize(`/${h.path}`));
          }
          sftp.status(reqid, STATUS_CODE.OK);
        });
      })
      .on("FSTAT", (reqid, handle) => {
        const h = get(handle);
        if (h?.kind !== "file") {
          sftp.status(reqid, STATUS_CODE.FAILURE);
          return;
        }
        attempt(reqid, () => sftp.attrs(reqid, attrsOf(fstatSync(h.fd))));
      })
      .on("FSETSTAT", (reqid) => sftp.status(reqid, STATUS_CODE.OK))
      .on("SETSTAT", (reqid) => sftp.status(reqid, STATUS_CODE.OK))
      .on("STAT", (reqid, path) =>
        attempt(reqid, () => sftp.attrs(reqid, attrsOf(statSync(local(path))))),
      )
      .on("LSTAT", (reqid, path) =>
        attempt(reqid, () => sftp.attrs(reqid, attrsOf(lstatSync(local(path))))),
      )
      .on("OPENDIR", (reqid, path) => {
        attempt(reqid, () => {
          if (!statSync(local(path)).isDirectory())
            throw Object.assign(new Error(), { code: "ENOENT" });
          sftp.handle(reqid, newHandle({ kind: "dir", path, sent: false }));
        });
      })
      .on("READDIR", (reqid, handle) => {
        const h = get(handle);
        if (h?.kind !== "dir") {
          sftp.status(reqid, STATUS_CODE.FAILURE);
          return;
        }
        if (h.sent) {
          sftp.status(reqid, STATUS_CODE.EOF);
          return;
        }
        h.sent = true;
        attempt(reqid, () => {
          const names = readdirSync(local(h.path)).map((filename) => {
            const s = lstatSync(join(local(h.path), filename));
            const type = s.isDirectory() ? "d" : "-";
            return {
              filename,
              longname: `${type}rw-r-----    1 ${USER} ${USER} ${s.size} Jan  1 00:00 ${filename}`,
              attrs: attrsOf(s),
            };
          });
          if (names.length === 0) sftp.status(reqid, STATUS_CODE.EOF);
          else sftp.name(reqid, names);
        });
      })
      .on("REMOVE", (reqid, path) => {
        attempt(reqid, () => {
          unlinkSync(local(path));
          sftp.status(reqid, STATUS_CODE.OK);
        });
      })
      .on("RMDIR", (reqid, path) => {
        attempt(reqid, () => {
          rmdirSync(local(path));
          sftp.status(reqid, STATUS_CODE.OK);
        });
      })
      .on("MKDIR", (reqid, path) => {
        attempt(reqid, () => {
          mkdirSync(local(path));
          sftp.status(reqid, STATUS_CODE.OK);
        });
      })
      .on("RENAME", (reqid, from, to) => {
        attempt(reqid, () => {
          // SFTP v3: RENAME never replaces an existing file.
          if (lstatSync(local(to), { throwIfNoEntry: false }) !== undefined) {
            sftp.status(reqid, STATUS_CODE.FAILURE, "target exists");
            return;
          }
          renameSync(local(from), local(to));
          sftp.status(reqid, STATUS_CODE.OK);
        });
      })
      .on("REALPATH", (reqid, path) => {
        const p = posix.normalize(`/${path === "." ? "" : path}`);
        sftp.name(reqid, [{ filename: p, longname: p, attrs: {} as Attributes }]);
      });
  }

  const server = new Server({ hostKeys: [keys.private] }, (client) => {
    connections.add(client);
    // Request after request: without TCP_NODELAY each answer waits for a delayed ACK.
    (client as unknown as { setNoDelay(on: boolean): void }).setNoDelay(true);
    client
      .on("authentication", (ctx) => {
        if (
          mode !== "refuse" &&
          ctx.method === "password" &&
          same(ctx.username, USER) &&
          same(ctx.password, PASSWORD)
        )
          ctx.accept();
        else ctx.reject(["password"]);
      })
      .on("ready", () => {
        client.on("session", (accept) => {
          accept().on("sftp", (acceptSftp) => {
            serve(acceptSftp(), client);
          });
        });
      })
      .on("error", () => {
        // A client that went away mid-request: nothing to do.
      })
      .on("close", () => connections.delete(client));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `sftp://${USER}:${PASSWORD}@127.0.0.1:${port}/inbox`;
  return {
    port,
    url: opts.withHostKey === true ? `${base}?host_key=${encodeURIComponent(hostKey)}` : base,
    hostKey,
    root,
    inbox,
    written,
    setMode(m) {
      mode = m;
      writes = 0;
    },
    async writeAck(batchId, printed, rejected) {
      await mkdir(join(inbox, batchId), { recursive: true });
      const tmp = join(inbox, batchId, ".ack.json.part");
      await writeFile(
        tmp,
        JSON.stringify({ batchId, printed, ...(rejected === undefined ? {} : { rejected }) }),
      );
      renameSync(tmp, join(inbox, batchId, "ack.json"));
    },
    async close() {
      for (const c of connections) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
