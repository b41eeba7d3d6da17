/**
 * Envelope encryption of stored documents: each body is sealed (AES-256-GCM) under its own
 * random data key, and that key is wrapped under the configured key-encryption key. Rotating
 * the configured key means re-wrapping the small data keys, not re-encrypting the bodies; the
 * key id stored beside each document says which configured key wrapped it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface DocumentKey {
  id: string;
  key: Buffer;
}

export interface Sealed {
  keyId: string;
  wrappedKey: Buffer;
  body: Buffer;
}

export function documentKey(key: Buffer): DocumentKey {
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 16), key };
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, iv);
  c.setAAD(Buffer.from(aad));
  return Buffer.concat([iv, c.update(plaintext), c.final(), c.getAuthTag()]);
}

function gcmOpen(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 28) throw new Error("sealed document too short");
  const d = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, 12), { authTagLength: 16 });
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]);
}

/** `context` (e.g. the document id) is bound to both layers: a body moved elsewhere fails. */
export function sealDocument(kek: DocumentKey, plaintext: Buffer, context: string): Sealed {
  const dek = randomBytes(32);
  try {
    return {
      keyId: kek.id,
      wrappedKey: gcmSeal(kek.key, dek, `dek:${context}`),
      body: gcmSeal(dek, plaintext, `doc:${context}`),
    };
  } finally {
    dek.fill(0);
  }
}

export function openDocument(kek: DocumentKey, s: Sealed, context: string): Buffer {
  if (s.keyId !== kek.id) throw new Error(`document wrapped under another key (${s.keyId})`);
  const dek = gcmOpen(kek.key, s.wrappedKey, `dek:${context}`);
  try {
    return gcmOpen(dek, s.body, `doc:${context}`);
  } finally {
    dek.fill(0);
  }
}
