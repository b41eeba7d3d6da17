/**
 * Envelope encryption of stored documents: each body is sealed (AES-256-GCM) under its own
 * random data key, and that key is wrapped under the configured key-encryption key. Rotating
 * the configured key means re-wrapping the small data keys, not re-encrypting the bodies; the
 * key id stored beside each document says which configured key wrapped it, and documents
 * wrapped under a previous key (DOCUMENT_KEYS_PREVIOUS) still open until they are re-wrapped
 * or deleted by retention.
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

/** The key new documents are wrapped under, and the earlier ones still readable. */
export interface DocumentKeyring {
  current: DocumentKey;
  previous: readonly DocumentKey[];
}

export function documentKey(key: Buffer): DocumentKey {
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 16), key };
}

export function documentKeyring(
  current: Buffer,
  previous: readonly Buffer[] = [],
): DocumentKeyring {
  return { current: documentKey(current), previous: previous.map(documentKey) };
}

/** What a document is bound to: moved to another request, role or type, it fails to open. */
export function documentContext(d: {
  id: string;
  requestId: string;
  role: string;
  mediaType: string;
}): string {
  return [d.id, d.requestId, d.role, d.mediaType].join("|");
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
export function sealDocument(ring: DocumentKeyring, plaintext: Buffer, context: string): Sealed {
  const kek = ring.current;
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

export function openDocument(ring: DocumentKeyring, s: Sealed, context: string): Buffer {
  const kek = [ring.current, ...ring.previous].find((k) => k.id === s.keyId);
  if (kek === undefined) throw new Error(`document wrapped under an unknown key (${s.keyId})`);
  const dek = gcmOpen(kek.key, s.wrappedKey, `dek:${context}`);
  try {
    return gcmOpen(dek, s.body, `doc:${context}`);
  } finally {
    dek.fill(0);
  }
}
