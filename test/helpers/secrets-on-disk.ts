/**
 * Searches files for secrets in clear: every file under the given folders, read as bytes (as
 * UTF-8 and as Latin-1), for each secret both whole and grouped as printed ("ABCD EFGH");
 * PDFs are also turned to text with pdftotext, because PDF streams are compressed and a PIN
 * half printed in one would not show in its bytes.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export interface Finding {
  file: string;
  secret: string;
}

function* filesUnder(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) yield* filesUnder(p);
    else if (st.isFile()) yield p;
  }
}

function variants(secret: string): string[] {
  const v = [secret];
  if (secret.length === 8) v.push(`${secret.slice(0, 4)} ${secret.slice(4)}`);
  return v;
}

function pdfText(file: string): string {
  try {
    return execFileSync("pdftotext", ["-q", file, "-"], { encoding: "utf8" });
  } catch {
    return "";
  }
}

export function findSecretsOnDisk(dirs: readonly string[], secrets: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const bytes = readFileSync(file);
      const texts = [bytes.toString("utf8"), bytes.toString("latin1")];
      if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") texts.push(pdfText(file));
      for (const s of secrets) {
        if (variants(s).some((v) => texts.some((t) => t.includes(v)))) {
          findings.push({ file, secret: `${s.slice(0, 2)}…` });
        }
      }
    }
  }
  return findings;
}
