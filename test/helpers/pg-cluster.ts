/**
 * A PostgreSQL 15 cluster of the test's own (scripts/pg-temp.sh), for fault tests that stop and
 * restart the server: the shared CI cluster must never be stopped under the other tests.
 * Available when the PostgreSQL binaries are (PG_BIN, default /usr/lib/postgresql/15/bin).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export const PG_BINARIES = existsSync(`${PG_BIN}/pg_ctl`);

export interface OwnCluster {
  url: string;
  dir: string;
  /** pg_ctl stop -m immediate: no checkpoint, clients cut off (a crash, as far as they know). */
  stopImmediate(): void;
  start(): void;
  destroy(): void;
}

function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? "runuser" : cmd, root ? ["-u", "postgres", "--", cmd, ...args] : args, {
    stdio: "ignore",
  });
}

export function startOwnCluster(): OwnCluster {
  const out = execFileSync(
    "bash",
    ["-c", 'source scripts/pg-temp.sh start >&2 && echo "$PG_TEMP_URL $PG_TEMP_DIR"'],
    { cwd: ROOT, encoding: "utf8" },
  ).trim();
  const [url, dir] = out.split(" ");
  if (url === undefined || dir === undefined) throw new Error("could not start PostgreSQL");
  const ctl = `${PG_BIN}/pg_ctl`;
  return {
    url,
    dir,
    stopImmediate: () => asPostgres(ctl, ["-D", `${dir}/data`, "-m", "immediate", "-w", "stop"]),
    start: () => asPostgres(ctl, ["-D", `${dir}/data`, "-l", `${dir}/server.log`, "-w", "start"]),
    destroy: () => {
      execFileSync("bash", ["scripts/pg-temp.sh", "stop", dir], { cwd: ROOT, stdio: "ignore" });
    },
  };
}
