/**
 * A login that gets no verdict (the hash queue is full: 503) must not count as a wrong PIN,
 * or the very storm the queue limit sheds would lock real people out.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createArgon2Hasher, type PinHasher } from "../../src/security/hasher.ts";
import { Overloaded } from "../../src/security/semaphore.ts";
import { api, personWithPin, startService, type TestService } from "../helpers/app.ts";

describe("login under overload", () => {
  let s: TestService;
  let shed = 0;
  before(async () => {
    const real = await createArgon2Hasher({
      pepper: Buffer.alloc(32, 7),
      concurrency: 2,
      queueLimit: 10,
    });
    const hasher: PinHasher = {
      hash: (pin) => real.hash(pin),
      verify: (h, pin) =>
        shed > 0 ? (shed--, Promise.reject(new Overloaded())) : real.verify(h, pin),
      verifyDummy: (pin) => real.verifyDummy(pin),
    };
    s = await startService({ hasher });
  });
  after(async () => {
    await s.close();
  });

  it("answers 503 with Retry-After and gives the attempt back", async () => {
    const p = s.eligible[0]!;
    const { pin } = await personWithPin(s, p);
    shed = 12;
    for (let i = 0; i < 12; i++) {
      const res = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
      assert.equal(res.statusCode, 503);
      assert.equal(res.json<{ code: string }>().code, "OVERLOADED");
      assert.ok(res.headers["retry-after"] !== undefined);
    }
    const ok = await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin });
    assert.equal(ok.statusCode, 200, "not locked: no attempt was counted");
  });
});
