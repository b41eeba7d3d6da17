import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomFillSync } from "node:crypto";
import fc from "fast-check";
import {
  generatePin,
  groupPin,
  INITIAL_PIN_LENGTH,
  isPinShaped,
  normalizePinInput,
  OPERATING_PIN_LENGTH,
  PIN_ALPHABET,
  splitInitialPin,
  type RandomBytes,
} from "../../src/domain/pin.ts";

const cryptoBytes: RandomBytes = (n) => randomFillSync(new Uint8Array(n));

/** A byte source that enumerates 0, 1, ..., 255, 0, 1, ... however the generator asks. */
function cyclingBytes(): RandomBytes & { drawn: () => number } {
  let next = 0;
  const source = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = next % 256;
      next++;
    }
    return out;
  };
  return Object.assign(source, { drawn: () => next });
}

/** Replays fixed chunks, one per call; fails the test if the generator asks for more. */
function scriptedBytes(chunks: readonly (readonly number[])[]): RandomBytes {
  let call = 0;
  return (n) => {
    const chunk = chunks[call++];
    assert.ok(chunk !== undefined, "generator asked for more bytes than scripted");
    const out = new Uint8Array(n);
    out.set(chunk.slice(0, n));
    // Pad with rejected bytes so the test controls exactly which bytes are usable.
    out.fill(255, Math.min(chunk.length, n));
    return out;
  };
}

function countSymbols(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

describe("PIN alphabet", () => {
  it("has 31 distinct upper-case letters and digits", () => {
    assert.equal(PIN_ALPHABET.length, 31);
    assert.equal(new Set(PIN_ALPHABET).size, 31);
    assert.match(PIN_ALPHABET, /^[A-Z2-9]+$/u);
  });

  it("leaves out every look-alike: 0 O 1 I L", () => {
    for (const c of ["0", "O", "1", "I", "L"])
      assert.ok(!PIN_ALPHABET.includes(c), `${c} must not be in the alphabet`);
  });

  it("is every other digit and upper-case letter", () => {
    const all = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const expected = Array.from(all)
      .filter((c) => !"0O1IL".includes(c))
      .join("");
    assert.equal(Array.from(PIN_ALPHABET).sort().join(""), expected);
  });
});

describe("generatePin", () => {
  it("makes 16-character initial PINs and 8-character operating PINs of alphabet symbols only", () => {
    assert.equal(INITIAL_PIN_LENGTH, 16);
    assert.equal(OPERATING_PIN_LENGTH, 8);
    for (let i = 0; i < 200; i++) {
      const initial = generatePin(INITIAL_PIN_LENGTH, cryptoBytes);
      const operating = generatePin(OPERATING_PIN_LENGTH, cryptoBytes);
      assert.equal(initial.length, 16);
      assert.equal(operating.length, 8);
      assert.ok(isPinShaped(initial, 16), initial);
      assert.ok(isPinShaped(operating, 8), operating);
    }
  });

  it("produces PINs of any requested length from any byte stream (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1 }),
        (length, seed) => {
          // An endless stream built from the seed, with one usable byte guaranteed per round.
          let i = 0;
          const source: RandomBytes = (n) => {
            const out = new Uint8Array(n);
            for (let k = 0; k < n; k++) out[k] = seed[i++ % seed.length] ?? 0;
            out[0] = (out[0] ?? 0) % 248;
            return out;
          };
          const pin = generatePin(length, source);
          return pin.length === length && isPinShaped(pin, length);
        },
      ),
    );
  });

  it("maps each accepted byte to alphabet[byte mod 31]", () => {
    const pin = generatePin(8, scriptedBytes([[0, 1, 30, 31, 62, 247, 100, 200]]));
    const expected = [0, 1, 30, 31, 62, 247, 100, 200]
      .map((b) => PIN_ALPHABET.charAt(b % 31))
      .join("");
    assert.equal(pin, expected);
  });

  it("rejects every byte from 248 to 255 (the incomplete last block of 31)", () => {
    // First call: only rejected bytes; second call: usable ones.
    const pin = generatePin(
      8,
      scriptedBytes([
        [248, 249, 250, 251, 252, 253, 254, 255, 255, 255, 255, 255, 255, 255, 255, 255],
        [3, 4, 5, 6, 7, 8, 9, 10],
      ]),
    );
    assert.equal(pin, [3, 4, 5, 6, 7, 8, 9, 10].map((b) => PIN_ALPHABET.charAt(b)).join(""));
  });

  it("skips a rejected byte between two accepted ones", () => {
    const pin = generatePin(2, scriptedBytes([[5, 250, 6, 0, 0, 0, 0, 0]]));
    assert.equal(pin, PIN_ALPHABET.charAt(5) + PIN_ALPHABET.charAt(6));
  });

  it("has no modulo bias: one pass over all 256 byte values yields every symbol exactly 8 times", () => {
    const source = cyclingBytes();
    // 248 accepted bytes per cycle of 256: two full cycles give 496 symbols.
    const pin = generatePin(496, source);
    const counts = countSymbols(pin);
    assert.equal(counts.size, 31);
    for (const c of PIN_ALPHABET) assert.equal(counts.get(c), 16, `symbol ${c}`);
    // Position 248 comes from byte 0 of the second cycle: 248..255 were skipped.
    assert.equal(pin.charAt(248), PIN_ALPHABET.charAt(0));
    assert.equal(pin.slice(0, 248), pin.slice(248));
  });

  it("would be biased with a plain modulo (the first 8 symbols 9 times, the rest 8): ours is not", () => {
    const naive = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const c = PIN_ALPHABET.charAt(b % 31);
      naive.set(c, (naive.get(c) ?? 0) + 1);
    }
    assert.deepEqual(
      [...new Set(naive.values())].sort(),
      [8, 9],
      "a plain modulo over 256 byte values favours some symbols",
    );
    const ours = countSymbols(generatePin(248, cyclingBytes()));
    assert.deepEqual([...new Set(ours.values())], [8]);
  });

  it("stays within a generous chi-square bound over 310,000 symbols from the CSPRNG", () => {
    const n = 310_000;
    const counts = countSymbols(generatePin(n, cryptoBytes));
    const expected = n / 31;
    let chi2 = 0;
    for (const c of PIN_ALPHABET) chi2 += ((counts.get(c) ?? 0) - expected) ** 2 / expected;
    // 30 degrees of freedom: mean 30; P(chi2 > 120) is about 1e-12, so this never flakes,
    // while a plain modulo would score about 870 at this sample size.
    assert.ok(chi2 < 120, `chi-square ${chi2.toFixed(1)}`);
  });
});

describe("normalizePinInput", () => {
  it("drops spaces, dashes, dots and underscores and upper-cases letters", () => {
    assert.equal(normalizePinInput(" abcd-efgh "), "ABCDEFGH");
    assert.equal(normalizePinInput("ab cd\tef.gh_jk\nmn"), "ABCDEFGHJKMN");
    assert.equal(normalizePinInput("2345 6789 abcd efgh"), "23456789ABCDEFGH");
  });

  it("does not rewrite look-alikes, so a mistyped PIN stays wrong", () => {
    assert.equal(normalizePinInput("o0i1l"), "O0I1L");
    assert.equal(isPinShaped(normalizePinInput("abcdefg0"), 8), false);
  });

  it("accepts back what groupPin prints (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 16),
        fc.infiniteStream(fc.integer({ min: 0, max: 255 })),
        (length, stream) => {
          const bytes = stream[Symbol.iterator]();
          const pin = generatePin(length, (n) =>
            Uint8Array.from({ length: n }, () => bytes.next().value as number),
          );
          return normalizePinInput(groupPin(pin).toLowerCase()) === pin;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("isPinShaped", () => {
  it("accepts exactly the requested length of alphabet symbols", () => {
    assert.ok(isPinShaped("23456789", 8));
    assert.ok(isPinShaped("ABCDEFGHJKMNPQRS", 16));
    assert.ok(!isPinShaped("2345678", 8));
    assert.ok(!isPinShaped("234567892", 8));
    assert.ok(!isPinShaped("23456789", 16));
  });

  it("refuses lower case, look-alikes and other characters", () => {
    assert.ok(!isPinShaped("abcdefgh", 8));
    for (const bad of ["0", "O", "1", "I", "L", " ", "-", "é"])
      assert.ok(!isPinShaped(`2345678${bad}`, 8), bad);
  });
});

describe("splitInitialPin and groupPin", () => {
  it("splits the 16-character PIN into the two halves delivered by different channels", () => {
    assert.deepEqual(splitInitialPin("ABCDEFGH23456789"), {
      firstHalf: "ABCDEFGH",
      secondHalf: "23456789",
    });
  });

  it("groups by four for display", () => {
    assert.equal(groupPin("ABCDEFGH"), "ABCD EFGH");
    assert.equal(groupPin("ABCDEFGH23456789"), "ABCD EFGH 2345 6789");
  });
});
