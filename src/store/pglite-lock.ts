/**
 * One process at a time on an embedded (PGlite) database directory: two instances on the same
 * files overwrite each other's writes (a CLI decision made while `serve` runs would be lost).
 * A lock file names the holder's process; a lock left by a process that is gone is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the directory's lock; returns its release. Throws when a live process holds it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "inps-pin.lock");
  const mine = String(process.pid);
  try {
    writeFileSync(file, mine, { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const holder = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder))
      throw new Error(
        `the embedded database in ${dir} is in use by process ${holder} (inps-pin serve?): stop it first, or use PostgreSQL (DATABASE_URL)`,
        { cause: err },
      );
    writeFileSync(file, mine);
  }
  return () => {
    try {
      if (readFileSync(file, "utf8").trim() === mine) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
