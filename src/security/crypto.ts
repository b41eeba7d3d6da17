/** Small keyed-crypto helpers; keys come from configuration, never from code. */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from "node:crypto";

/** Derives an independent 32-byte key for one purpose from a root secret (HKDF-SHA256). */
export function deriveKey(root: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", root, Buffer.alloc(0), `inps-pin:${purpose}`, 32));
}

/** A key used on a hot path is best passed as a KeyObject (createSecretKey), built once. */
export function hmacHex(key: Buffer | KeyObject, value: string): string {
  return createHmac("sha256", key).update(value).digest("hex");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/**
 * Whether two secrets (tokens, fingerprints) are equal, in time that depends on neither their
 * contents nor their lengths: their SHA-256 digests are compared.
 */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** URL-safe random token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * AES-256-GCM with a random 96-bit nonce; output "v1.<nonce>.<ciphertext+tag>" in base64url.
 * `context` is bound as associated data, so a ciphertext moved to another row fails to open.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `v1.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export function open(key: Buffer, sealed: string, context: string): string {
  const [version, ivPart, bodyPart] = sealed.split(".");
  if (version !== "v1" || ivPart === undefined || bodyPart === undefined)
    throw new Error("bad sealed value");
  const body = Buffer.from(bodyPart, "base64url");
  // A full 16-byte tag only: a short body would otherwise be read as a truncated tag
  // (a 4-byte GCM tag is forgeable by trying 2^32 values).
  if (body.length < 16) throw new Error("bad sealed value");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivPart, "base64url"), {
    authTagLength: 16,
  });
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([
    decipher.update(body.subarray(0, body.length - 16)),
    decipher.final(),
  ]).toString("utf8");
}
