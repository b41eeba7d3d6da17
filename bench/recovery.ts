/**
 * The recovery figures of `npm run bench`: POST /api/v1/recovery (two contacts matching: a
 * link and its message written) and POST /api/v1/recovery/confirm (a new initial PIN: one
 * argon2id hash each), both printed beside the argon2id limit. The answers' floor
 * (ANSWER_FLOOR_MS) is off in the bench so that the work is measured, not the wait; the
 * per-source and per-person limits are lifted (one load generator, one address).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { deriveKeys } from "../src/security/keys.ts";
import { hmacHex } from "../src/security/crypto.ts";
import type { LoadResult } from "./load-result.ts";

type Load = (job: Record<string, unknown>) => Promise<LoadResult>;

export const RECOVERY_ENV = {
  ANSWER_FLOOR_MS: "0",
  RATE_LIMIT_RECOVERY_SOURCE: "9999999/1h",
  RATE_LIMIT_RECOVERY_SUBJECT: "9999999/1h",
  RATE_LIMIT_RECOVERY_DESTINATION: "9999999/1h",
  RATE_LIMIT_LINK_CONFIRM_SOURCE: "9999999/1h",
};

export async function recoveryPhase(
  serviceUrl: string,
  dbUrl: string,
  pepper: Buffer,
  seconds: number,
  load: Load,
): Promise<{ requests: LoadResult; confirmations: LoadResult }> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const people = (
      await db.query<{ fiscal_code: string; mobile: string; email: string }>(
        "SELECT fiscal_code, mobile, email FROM account WHERE mobile IS NOT NULL AND email IS NOT NULL",
      )
    ).rows;
    const bodies = people.map((p) =>
      JSON.stringify({ fiscalCode: p.fiscal_code, mobile: p.mobile, email: p.email }),
    );
    const job = { url: serviceUrl, path: "/api/v1/recovery", method: "POST", bodies };
    await load({ ...job, connections: 8, duration: 2 }); // warm-up
    const requests = await load({ ...job, connections: 32, duration: seconds });

    // One fresh link per person, as the e-mailed ones are (the token known only here).
    const key = deriveKeys(pepper).flow.links;
    const tokens = people.map(() => randomBytes(32).toString("base64url"));
    const now = new Date();
    await db.query(
      `INSERT INTO pin_link (token_hash, purpose, fiscal_code, created_at, expires_at)
       SELECT h, 'recovery', fc, $3, $3::timestamptz + interval '1 day'
         FROM unnest($1::text[], $2::text[]) AS t(h, fc)`,
      [tokens.map((t) => hmacHex(key, t)), people.map((p) => p.fiscal_code), now],
    );
    // Each person can recover once: stop before the links run out.
    const confirmations = await load({
      url: serviceUrl,
      path: "/api/v1/recovery/confirm",
      method: "POST",
      bodies: tokens.map((token) => JSON.stringify({ token })),
      connections: 32,
      duration: Math.min(seconds, 6),
    });
    return { requests, confirmations };
  } finally {
    await db.end();
  }
}
