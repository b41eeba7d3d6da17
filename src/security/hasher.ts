/**
 * PIN hashing: argon2id (OWASP minimum m=19 MiB, t=2, p=1) keyed with a secret pepper, on
 * the libuv thread pool through @node-rs/argon2's async API so the event loop never blocks,
 * with bounded concurrency (see Semaphore).
 */
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { Semaphore } from "./semaphore.ts";

// Algorithm is an ambient const enum (not importable as a value under verbatimModuleSyntax).
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the value is the enum's own (2)
const ARGON2ID: Algorithm.Argon2id = 2;

export const ARGON2_PARAMS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export interface PinHasher {
  hash(pin: string): Promise<string>;
  verify(pinHash: string, pin: string): Promise<boolean>;
  /**
   * Verifies against a hash of a random PIN nobody knows, so that a login for a fiscal code
   * without an active PIN costs the same time as one with it.
   */
  verifyDummy(pin: string): Promise<false>;
  /** The hashing queue (the metrics' hash queue depth); absent in test doubles. */
  readonly gate?: { readonly active: number; readonly waiting: number };
}

export interface HasherOptions {
  pepper: Buffer;
  concurrency: number;
  queueLimit: number;
}

export async function createArgon2Hasher(
  opts: HasherOptions,
): Promise<PinHasher & { readonly gate: Semaphore }> {
  const gate = new Semaphore(opts.concurrency, opts.queueLimit);
  const params = { ...ARGON2_PARAMS, secret: opts.pepper };
  const doVerify = (h: string, pin: string) =>
    gate.run(() => verify(h, pin, { secret: opts.pepper }).catch(() => false));
  const dummyHash = await hash(randomBytes(24).toString("base64"), params);
  return {
    gate,
    hash: (pin) => gate.run(() => hash(pin, params)),
    verify: doVerify,
    async verifyDummy(pin) {
      await doVerify(dummyHash, pin);
      return false;
    },
  };
}
