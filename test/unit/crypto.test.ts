import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createCipheriv, randomBytes } from "node:crypto";
import fc from "fast-check";
import {
  deriveKey,
  hmacHex,
  open,
  randomToken,
  seal,
  sha256Hex,
} from "../../src/security/crypto.ts";

const KEY = Buffer.alloc(32, 9);
const OTHER_KEY = Buffer.alloc(32, 10);
const CONTEXT = "8d3f0c52-7f7e-4c55-9b43-2f7b6c1b9a10";

/** Re-encodes one base64url part of a sealed value after changing its bytes. */
function withPart(sealed: string, index: 1 | 2, change: (b: Buffer) => Buffer): string {
  const parts = sealed.split(".");
  const part = parts[index] ?? "";
  parts[index] = change(Buffer.from(part, "base64url")).toString("base64url");
  return parts.join(".");
}

describe("seal / open", () => {
  it("round-trips any text, including empty and non-ASCII (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string({ maxLength: 50 }),
        (text, context) => {
          assert.equal(open(KEY, seal(KEY, text, context), context), text);
        },
      ),
    );
    assert.equal(open(KEY, seal(KEY, "", CONTEXT), CONTEXT), "");
    assert.equal(
      open(KEY, seal(KEY, "ABCD EFGH ✓ àèìòù 漢字", CONTEXT), CONTEXT),
      "ABCD EFGH ✓ àèìòù 漢字",
    );
  });

  it("uses a fresh nonce each time and does not show the plaintext", () => {
    const a = seal(KEY, "ABCDEFGH", CONTEXT);
    const b = seal(KEY, "ABCDEFGH", CONTEXT);
    assert.notEqual(a, b);
    assert.match(a, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/u);
    assert.ok(!a.includes("ABCDEFGH"));
  });

  it("refuses to open with another context (a ciphertext moved to another row)", () => {
    const sealed = seal(KEY, "ABCDEFGH", CONTEXT);
    assert.throws(() => open(KEY, sealed, "another-message-id"));
    assert.throws(() => open(KEY, sealed, ""));
  });

  it("refuses to open with another key", () => {
    assert.throws(() => open(OTHER_KEY, seal(KEY, "ABCDEFGH", CONTEXT), CONTEXT));
  });

  it("detects any flipped bit in the nonce, the ciphertext or the tag (property)", () => {
    const sealed = seal(KEY, "ABCDEFGH", CONTEXT);
    const bodyLength = Buffer.from(sealed.split(".")[2] ?? "", "base64url").length;
    fc.assert(
      fc.property(
        fc.constantFrom<1 | 2>(1, 2),
        fc.nat({ max: bodyLength - 1 }),
        fc.integer({ min: 0, max: 7 }),
        (part, byte, bit) => {
          const tampered = withPart(sealed, part, (b) => {
            const copy = Buffer.from(b);
            const i = byte % copy.length;
            copy[i] = (copy[i] ?? 0) ^ (1 << bit);
            return copy;
          });
          assert.throws(() => open(KEY, tampered, CONTEXT));
        },
      ),
    );
  });

  it("refuses truncated, extended and malformed values", () => {
    const sealed = seal(KEY, "ABCDEFGH", CONTEXT);
    assert.throws(() =>
      open(
        KEY,
        withPart(sealed, 2, (b) => b.subarray(0, b.length - 1)),
        CONTEXT,
      ),
    );
    assert.throws(() =>
      open(
        KEY,
        withPart(sealed, 2, (b) => b.subarray(1)),
        CONTEXT,
      ),
    );
    assert.throws(() =>
      open(
        KEY,
        withPart(sealed, 2, (b) => Buffer.concat([b, Buffer.from([0])])),
        CONTEXT,
      ),
    );
    assert.throws(() =>
      open(
        KEY,
        withPart(sealed, 2, () => Buffer.alloc(0)),
        CONTEXT,
      ),
    );
    for (const bad of ["", "v1", "v1.", "v1.abc", `v2${sealed.slice(2)}`, "not a sealed value"]) {
      assert.throws(() => open(KEY, bad, CONTEXT), bad);
    }
  });

  it("accepts only a full 16-byte tag: a value with a (forgeable) 4-byte tag does not open", () => {
    // Built with the right key, so only the tag length is wrong: a short tag can be guessed.
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", KEY, iv, { authTagLength: 4 });
    cipher.setAAD(Buffer.from(CONTEXT));
    const body = Buffer.concat([
      cipher.update("ABCDEFGH", "utf8"),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    const shortTag = `v1.${iv.toString("base64url")}.${body.toString("base64url")}`;
    assert.throws(() => open(KEY, shortTag, CONTEXT));
  });
});

describe("deriveKey", () => {
  const root = Buffer.alloc(32, 7);

  it("gives a 32-byte key that depends only on the root and the purpose", () => {
    const k = deriveKey(root, "throttle");
    assert.equal(k.length, 32);
    assert.deepEqual(deriveKey(Buffer.alloc(32, 7), "throttle"), k);
  });

  it("gives independent keys for different purposes and different roots", () => {
    const keys = [
      deriveKey(root, "throttle"),
      deriveKey(root, "outbox"),
      deriveKey(root, "throttle2"),
      deriveKey(Buffer.alloc(32, 8), "throttle"),
      root,
    ].map((k) => k.toString("hex"));
    assert.equal(new Set(keys).size, keys.length);
  });

  it("keys of one purpose cannot open what another purpose sealed", () => {
    const sealed = seal(deriveKey(root, "a"), "secret", CONTEXT);
    assert.equal(open(deriveKey(root, "a"), sealed, CONTEXT), "secret");
    assert.throws(() => open(deriveKey(root, "b"), sealed, CONTEXT));
  });
});

describe("hashes and tokens", () => {
  it("computes HMAC-SHA256 (RFC 4231 test case 2) and SHA-256 (FIPS 180-2 'abc')", () => {
    assert.equal(
      hmacHex(Buffer.from("Jefe"), "what do ya want for nothing?"),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    assert.equal(
      sha256Hex("abc"),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("makes URL-safe random tokens of the requested entropy", () => {
    const t = randomToken();
    assert.match(t, /^[A-Za-z0-9_-]{43}$/u);
    assert.notEqual(randomToken(), t);
    assert.equal(Buffer.from(randomToken(16), "base64url").length, 16);
  });
});
