/**
 * Login with fiscal code and PIN (POST /api/v1/session), first access and renewal, against
 * SPEC.md "Credential rules": the exact lockout, the same answer for unknown fiscal codes
 * (with a dummy hash, seen through a spy hasher), malformed input that costs no attempt,
 * the single-use initial PIN, the 6-month expiry and the eligibility policy.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import { pinExpiresAt } from "../../src/domain/credential.ts";
import { encodeFiscalCode } from "../../src/domain/fiscal-code.ts";
import { groupPin } from "../../src/domain/pin.ts";
import { createArgon2Hasher, type PinHasher } from "../../src/security/hasher.ts";
import {
  api,
  claimBody,
  initialPinFromOutbox,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../helpers/app.ts";
import { count, People, problemOf, rows } from "../helpers/journeys.ts";

const OPERATING = /^[2-9A-HJKMNP-Z]{8}$/u;

/** A valid-shaped PIN that is not `pin`. */
function wrongPin(pin: string): string {
  const other = pin.startsWith("2") ? "3" : "2";
  return other + pin.slice(1);
}

interface LoginBody {
  status: string;
  level: string;
  next: string;
}

describe("login with fiscal code and PIN", () => {
  let s: TestService;
  let people: People;
  const calls = { hash: 0, verify: 0, verifyDummy: 0 };

  before(async () => {
    const real = await createArgon2Hasher({
      pepper: Buffer.alloc(32, 7),
      concurrency: 4,
      queueLimit: 1000,
    });
    const spy: PinHasher = {
      hash: (pin) => {
        calls.hash++;
        return real.hash(pin);
      },
      verify: (h, pin) => {
        calls.verify++;
        return real.verify(h, pin);
      },
      verifyDummy: (pin) => {
        calls.verifyDummy++;
        return real.verifyDummy(pin);
      },
    };
    s = await startService({ archiveSize: 80, hasher: spy });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  const login = (fiscalCode: string, pin: string, jar?: Jar) =>
    api(s, "POST", "/api/v1/session", { fiscalCode, pin }, jar);

  /** Claims and delivers: the 16-character initial PIN. */
  async function initialPin(p: ArchivePerson): Promise<string> {
    const claim = await api(s, "POST", "/api/v1/claims", claimBody(p));
    assert.equal(claim.json<{ status: string }>().status, "issued");
    return initialPinFromOutbox(await s.deliver(), { mobile: p.mobile }, p.fiscalCode);
  }

  const snapshot = () => ({ ...calls });

  describe("lockout", () => {
    it("answers 401 with the attempts left, the 10th wrong PIN with 0 left, and the 11th with 423 PIN_LOCKED and Retry-After", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      for (let i = 1; i <= 10; i++) {
        const res = await login(p.fiscalCode, wrongPin(pin));
        const problem = problemOf(res, 401);
        assert.equal(problem.code, "INVALID_CREDENTIALS");
        assert.equal(problem.remainingAttempts, 10 - i, `attempt ${i}`);
        assert.equal(res.headers["set-cookie"], undefined, "no session on a failure");
      }
      const locked = await login(p.fiscalCode, wrongPin(pin));
      const problem = problemOf(locked, 423);
      assert.equal(problem.code, "PIN_LOCKED");
      assert.equal(locked.headers["retry-after"], "300");
      assert.equal(problem.remainingAttempts, undefined, "a lock says only 'locked'");

      const right = await login(p.fiscalCode, pin);
      assert.equal(
        problemOf(right, 423).code,
        "PIN_LOCKED",
        "a correct PIN during the lock is refused too",
      );
      assert.equal(right.headers["set-cookie"], undefined);
    });

    it("restarts the 5-minute lock on any attempt during the lock, and counts from zero once it ends", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      for (let i = 0; i < 10; i++) await login(p.fiscalCode, wrongPin(pin));

      s.clock.advance(4 * 60);
      assert.equal(
        (await login(p.fiscalCode, wrongPin(pin))).statusCode,
        423,
        "4 min into the lock",
      );
      s.clock.advance(4 * 60);
      assert.equal(
        (await login(p.fiscalCode, pin)).statusCode,
        423,
        "8 min after the lock began, 4 after the last attempt",
      );
      s.clock.advance(5 * 60 - 1);
      assert.equal((await login(p.fiscalCode, pin)).statusCode, 423, "4:59 after the last attempt");
      s.clock.advance(5 * 60);
      const wrongAfter = await login(p.fiscalCode, wrongPin(pin));
      assert.equal(problemOf(wrongAfter, 401).remainingAttempts, 9, "a fresh count after the lock");
      const ok = await login(p.fiscalCode, pin);
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json<LoginBody>().status, "authenticated");
    });

    it("lets a correct PIN in once the lock has run 5 minutes since the last attempt", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      for (let i = 0; i < 10; i++) await login(p.fiscalCode, wrongPin(pin));
      s.clock.advance(5 * 60 - 1);
      assert.equal((await login(p.fiscalCode, pin)).statusCode, 423);
      s.clock.advance(5 * 60);
      assert.equal((await login(p.fiscalCode, pin)).statusCode, 200);
    });

    it("resets the count on a success: 9 wrong, 1 right, 9 wrong never lock", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      for (let round = 0; round < 2; round++) {
        for (let i = 1; i <= 9; i++) {
          assert.equal(
            problemOf(await login(p.fiscalCode, wrongPin(pin)), 401).remainingAttempts,
            10 - i,
          );
        }
        const ok = await login(p.fiscalCode, pin);
        assert.equal(ok.statusCode, 200, `round ${round}`);
      }
    });

    it("counts per fiscal code however it is typed, and one person's lock leaves others alone", async () => {
      const p = people.next();
      const q = people.next();
      const { pin } = await personWithPin(s, p);
      const { pin: qPin } = await personWithPin(s, q);
      const spellings = [
        p.fiscalCode,
        p.fiscalCode.toLowerCase(),
        ` ${p.fiscalCode.slice(0, 6)} ${p.fiscalCode.slice(6)} `,
      ];
      for (let i = 0; i < 10; i++) await login(spellings[i % 3]!, wrongPin(pin));
      assert.equal((await login(p.fiscalCode.toLowerCase(), pin)).statusCode, 423);
      assert.equal((await login(q.fiscalCode, qPin)).statusCode, 200);
    });
  });

  describe("unknown fiscal codes", () => {
    const unknown = encodeFiscalCode({
      surname: "Sconosciuto",
      givenNames: "Ignazio",
      sex: "M",
      birthDate: "1970-07-07",
      birthPlaceCode: "Z600",
    });

    it("counts attempts for a fiscal code nobody holds: 10 wrong, then 423", async () => {
      const code = encodeFiscalCode({
        surname: "Nessuno",
        givenNames: "Ulisse",
        sex: "M",
        birthDate: "1980-01-01",
        birthPlaceCode: "Z110",
      });
      for (let i = 1; i <= 10; i++) {
        assert.equal(problemOf(await login(code, "ABCDEFGH"), 401).remainingAttempts, 10 - i);
      }
      const locked = await login(code, "ABCDEFGH");
      assert.equal(problemOf(locked, 423).code, "PIN_LOCKED");
      assert.equal(locked.headers["retry-after"], "300");
    });

    it("answers exactly like a known one with a wrong PIN (status, body, headers), in every state", async () => {
      const known = people.next();
      const { pin } = await personWithPin(s, known);
      const noPin = people.next(); // in the archive, never claimed
      const comparable = (r: LightMyRequestResponse) => {
        // Byte for byte, but for the instance member (the request path).
        const body = r.body.replace(/,?"instance":"[^"]*"/u, "");
        const { date: _date, "content-length": _length, ...headers } = r.headers;
        return { status: r.statusCode, body, headers };
      };
      for (let i = 0; i < 11; i++) {
        const a = comparable(await login(known.fiscalCode, wrongPin(pin)));
        const b = comparable(await login(unknown, wrongPin(pin)));
        const c = comparable(await login(noPin.fiscalCode, wrongPin(pin)));
        assert.deepEqual(b, a, `attempt ${i + 1}: unknown code`);
        assert.deepEqual(c, a, `attempt ${i + 1}: archive person without a PIN`);
        assert.equal(a.status, i < 10 ? 401 : 423);
      }
    });

    it("runs a dummy argon2id verification for a fiscal code without a PIN, and a real one otherwise", async () => {
      const known = people.next();
      const { pin } = await personWithPin(s, known);
      const noPin = people.next();
      const code = encodeFiscalCode({
        surname: "Fantasma",
        givenNames: "Gino",
        sex: "M",
        birthDate: "1955-05-05",
        birthPlaceCode: "Z404",
      });

      for (const [fiscalCode, expected] of [
        [code, { verify: 0, verifyDummy: 1 }],
        [noPin.fiscalCode, { verify: 0, verifyDummy: 1 }],
        [known.fiscalCode, { verify: 1, verifyDummy: 0 }],
      ] as const) {
        const before = snapshot();
        assert.equal((await login(fiscalCode, wrongPin(pin))).statusCode, 401);
        assert.deepEqual(
          {
            verify: calls.verify - before.verify,
            verifyDummy: calls.verifyDummy - before.verifyDummy,
          },
          expected,
        );
      }
    });
  });

  describe("malformed input", () => {
    it("is told at once (422 naming the field), runs no hash and costs no attempt", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      for (let i = 0; i < 9; i++) await login(p.fiscalCode, wrongPin(pin));

      const good = p.fiscalCode;
      const badCheck = good.slice(0, 15) + (good.endsWith("A") ? "B" : "A");
      const cases: [Record<string, unknown>, string, string][] = [
        [{ fiscalCode: good, pin: "0OOOOOOO" }, "pin", "pin_characters"],
        [{ fiscalCode: good, pin: "1IL23456" }, "pin", "pin_characters"],
        [{ fiscalCode: good, pin: "ABCDEFGHJKMNPQR0" }, "pin", "pin_characters"],
        [{ fiscalCode: good, pin: "ABCDEFG" }, "pin", "pin_length"],
        [{ fiscalCode: good, pin: "ABCDEFGHJ" }, "pin", "pin_length"],
        [{ fiscalCode: good, pin: "" }, "pin", "required"],
        [{ fiscalCode: good }, "pin", "required"],
        [{ fiscalCode: good, pin: 12345678 }, "pin", "required"],
        [{ fiscalCode: badCheck, pin: wrongPin(pin) }, "fiscalCode", "fiscal_code_check_character"],
        [{ fiscalCode: "RSSMRA", pin: wrongPin(pin) }, "fiscalCode", "fiscal_code_length"],
        [{ pin: wrongPin(pin) }, "fiscalCode", "required"],
      ];
      const before = snapshot();
      for (const [body, field, code] of cases) {
        const res = await api(s, "POST", "/api/v1/session", body);
        const problem = problemOf(res, 422);
        assert.equal(problem.code, "VALIDATION_FAILED", JSON.stringify(body));
        assert.deepEqual(
          problem.errors?.map((e) => [e.field, e.code]),
          [[field, code]],
          JSON.stringify(body),
        );
      }
      for (const payload of ["[]", '"x"', "null", "{"]) {
        const res = await s.app.inject({
          method: "POST",
          url: "/api/v1/session",
          headers: { "content-type": "application/json" },
          payload,
        });
        assert.equal(problemOf(res, 400).code, "MALFORMED_REQUEST");
      }
      assert.deepEqual(snapshot(), before, "no hash ran");

      const tenth = await login(p.fiscalCode, wrongPin(pin));
      assert.equal(
        problemOf(tenth, 401).remainingAttempts,
        0,
        "the malformed ones were not counted",
      );
      assert.equal((await login(p.fiscalCode, pin)).statusCode, 423);
    });

    it("accepts the PIN typed in lower case, in groups, with dashes", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      for (const typed of [
        pin.toLowerCase(),
        groupPin(pin),
        `${pin.slice(0, 4)}-${pin.slice(4)}`,
      ]) {
        assert.equal((await login(p.fiscalCode, typed)).statusCode, 200, typed);
      }
    });
  });

  describe("first access", () => {
    it("answers pin_change_required to the 16-character PIN and never accepts it after the 8-character PIN is made", async () => {
      const p = people.next();
      const initial = await initialPin(p);
      const jar = new Jar();
      const first = await login(p.fiscalCode, initial, jar);
      assert.equal(first.statusCode, 200);
      assert.deepEqual(first.json<LoginBody>(), {
        status: "pin_change_required",
        level: "ordinary",
        next: "/api/v1/pin/activate",
      });
      assert.equal(
        problemOf(await api(s, "GET", "/api/v1/me", undefined, jar), 403).code,
        "PIN_CHANGE_REQUIRED",
      );
      assert.equal(
        problemOf(await api(s, "POST", "/api/v1/pin/renew", undefined, jar), 403).code,
        "PIN_CHANGE_REQUIRED",
      );

      const act = await api(s, "POST", "/api/v1/pin/activate", undefined, jar);
      assert.equal(act.statusCode, 201);
      assert.equal(act.headers["cache-control"], "no-store");
      const body = act.json<{ pin: string; level: string; setAt: string; expiresAt: string }>();
      assert.match(body.pin, OPERATING);
      assert.equal(body.level, "ordinary");
      assert.equal(body.setAt, s.clock.now().toISOString());
      assert.equal(body.expiresAt, pinExpiresAt(new Date(body.setAt)).toISOString());

      const again = await login(p.fiscalCode, initial);
      assert.equal(problemOf(again, 401).code, "INVALID_CREDENTIALS", "the initial PIN works once");
      const eight = await login(p.fiscalCode, body.pin);
      assert.equal(eight.json<LoginBody>().status, "authenticated");

      const creds = await rows<{ kind: string; status: string }>(
        s,
        "SELECT kind, status FROM credential WHERE fiscal_code = $1 ORDER BY kind",
        [p.fiscalCode],
      );
      assert.deepEqual(creds, [
        { kind: "initial", status: "consumed" },
        { kind: "operating", status: "active" },
      ]);
    });

    it("never replaces the PIN just shown on a repeat; replaces it only when asked explicitly, within 15 minutes", async () => {
      const p = people.next();
      const initial = await initialPin(p);
      const jar = new Jar();
      await login(p.fiscalCode, initial, jar);
      const beforeChange = jar.header();
      const first = await api(s, "POST", "/api/v1/pin/activate", undefined, jar);
      assert.equal(first.statusCode, 201);
      const pin1 = first.json<{ pin: string }>().pin;

      // A new session token at the PIN change; the old one stops working.
      assert.notEqual(jar.header(), beforeChange);
      const old = await s.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { cookie: beforeChange },
      });
      assert.equal(problemOf(old, 401).code, "SESSION_EXPIRED");
      // The same request retried with the old cookie (its answer was lost) gets the same answer.
      const lostAnswer = await s.app.inject({
        method: "POST",
        url: "/api/v1/pin/activate",
        headers: { cookie: beforeChange },
      });
      assert.equal(lostAnswer.statusCode, 201, lostAnswer.body);
      assert.equal(lostAnswer.json<{ pin: string }>().pin, pin1, "the same PIN, never a new one");

      // A repeat (lost answer, double click) is refused and changes nothing.
      const second = await api(s, "POST", "/api/v1/pin/activate", undefined, jar);
      assert.equal(problemOf(second, 409).code, "PIN_ALREADY_SHOWN");
      assert.equal((await login(p.fiscalCode, pin1)).statusCode, 200, "the PIN shown still works");

      // A replacement must say that the PIN shown stops working.
      for (const body of [undefined, {}, { confirm: "yes" }, { confirm: false }]) {
        const res = await api(s, "POST", "/api/v1/pin/replace", body, jar);
        assert.equal(problemOf(res, 422).errors?.[0]?.field, "confirm", JSON.stringify(body));
      }
      const replaced = await api(s, "POST", "/api/v1/pin/replace", { confirm: true }, jar);
      assert.equal(replaced.statusCode, 201, replaced.body);
      const pin2 = replaced.json<{ pin: string }>().pin;
      assert.notEqual(pin1, pin2);
      assert.equal((await login(p.fiscalCode, pin1)).statusCode, 401, "the PIN shown before stops");
      assert.equal((await login(p.fiscalCode, pin2)).statusCode, 200);
      assert.equal(
        await count(s, "SELECT 1 FROM credential WHERE fiscal_code = $1 AND status = 'active'", [
          p.fiscalCode,
        ]),
        1,
      );
      // Past the 15-minute window (the session kept alive meanwhile) replacement is over.
      s.clock.advance(600);
      assert.equal((await api(s, "GET", "/api/v1/me", undefined, jar)).statusCode, 200);
      s.clock.advance(301);
      const late = await api(s, "POST", "/api/v1/pin/replace", { confirm: true }, jar);
      assert.equal(problemOf(late, 403).code, "NO_PIN_CHANGE_PENDING");
      assert.equal(
        problemOf(await api(s, "POST", "/api/v1/pin/activate", undefined, jar), 403).code,
        "NO_PIN_CHANGE_PENDING",
      );

      // Two browsers logged in with the same initial PIN press "generate" at once.
      const q = people.next();
      const qInitial = await initialPin(q);
      const a = new Jar();
      const b = new Jar();
      await login(q.fiscalCode, qInitial, a);
      await login(q.fiscalCode, qInitial, b);
      const results = await Promise.all([
        api(s, "POST", "/api/v1/pin/activate", undefined, a),
        api(s, "POST", "/api/v1/pin/activate", undefined, b),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      assert.equal(statuses[0], 201);
      assert.ok([401, 403, 409].includes(statuses[1] ?? 0), `the loser is refused: ${statuses[1]}`);
      const creds = await rows<{ kind: string; status: string }>(
        s,
        "SELECT kind, status FROM credential WHERE fiscal_code = $1 ORDER BY kind",
        [q.fiscalCode],
      );
      assert.deepEqual(creds, [
        { kind: "initial", status: "consumed" },
        { kind: "operating", status: "active" },
      ]);
      const winner = results.find((r) => r.statusCode === 201)!.json<{ pin: string }>().pin;
      assert.equal((await login(q.fiscalCode, winner)).statusCode, 200);
    });

    it("refuses /pin/activate and /pin/renew without a session (401)", async () => {
      for (const url of ["/api/v1/pin/activate", "/api/v1/pin/renew"]) {
        assert.equal(problemOf(await api(s, "POST", url), 401).code, "AUTHENTICATION_REQUIRED");
      }
    });
  });

  describe("eligibility policy", () => {
    it("refuses a correct PIN with 403 PIN_NOT_ELIGIBLE once the archive records an Italian ID or a residence in Italy", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      await s.rt.db.query(
        "UPDATE archive_person SET italian_id_on_file = true WHERE fiscal_code = $1",
        [p.fiscalCode],
      );
      const res = await login(p.fiscalCode, pin);
      assert.equal(problemOf(res, 403).code, "PIN_NOT_ELIGIBLE");
      assert.equal(res.headers["set-cookie"], undefined, "no session");
      assert.equal(
        problemOf(await login(p.fiscalCode, wrongPin(pin)), 401).code,
        "INVALID_CREDENTIALS",
      );

      const q = people.next();
      const { pin: qPin } = await personWithPin(s, q);
      await s.rt.db.query(
        "UPDATE archive_person SET res_country = 'IT', res_city = 'Roma', res_postal_code = '00184' WHERE fiscal_code = $1",
        [q.fiscalCode],
      );
      assert.equal(problemOf(await login(q.fiscalCode, qPin), 403).code, "PIN_NOT_ELIGIBLE");
    });
  });

  describe("expiry and renewal (runs last: it moves the clock by months)", () => {
    it("works until 6 months after the PIN was set, then leads to the renewal that makes a new 8-character PIN", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      const [cred] = await rows<{ set_at: Date }>(
        s,
        "SELECT set_at FROM credential WHERE fiscal_code = $1 AND status = 'active'",
        [p.fiscalCode],
      );
      const expiresAt = pinExpiresAt(cred!.set_at);

      s.clock.set(new Date(expiresAt.getTime() - 1000));
      assert.equal(
        (await login(p.fiscalCode, pin)).json<LoginBody>().status,
        "authenticated",
        "one second before",
      );

      s.clock.set(new Date(expiresAt.getTime() + 24 * 3600 * 1000)); // 6 months + 1 day
      const jar = new Jar();
      const expired = await login(p.fiscalCode, pin, jar);
      assert.equal(expired.statusCode, 200);
      assert.deepEqual(expired.json<LoginBody>(), {
        status: "renewal_required",
        level: "ordinary",
        next: "/api/v1/pin/renew",
      });
      assert.equal(
        problemOf(await api(s, "GET", "/api/v1/me", undefined, jar), 403).code,
        "RENEWAL_REQUIRED",
      );
      assert.equal(
        problemOf(await api(s, "GET", "/api/v1/me/contributions", undefined, jar), 403).code,
        "RENEWAL_REQUIRED",
      );
      assert.equal(
        problemOf(await api(s, "POST", "/api/v1/pin/activate", undefined, jar), 403).code,
        "RENEWAL_REQUIRED",
      );

      const renew = await api(s, "POST", "/api/v1/pin/renew", undefined, jar);
      assert.equal(renew.statusCode, 201);
      const body = renew.json<{ pin: string; level: string; setAt: string; expiresAt: string }>();
      assert.match(body.pin, OPERATING);
      assert.notEqual(body.pin, pin);
      assert.equal(body.level, "ordinary");
      assert.equal(body.setAt, s.clock.now().toISOString());
      assert.equal(
        (await api(s, "GET", "/api/v1/me", undefined, jar)).statusCode,
        200,
        "the renewed session goes on",
      );
      // A repeat never replaces the PIN just shown.
      s.clock.advance(121);
      assert.equal(
        problemOf(await api(s, "POST", "/api/v1/pin/renew", undefined, jar), 409).code,
        "PIN_ALREADY_SHOWN",
      );

      assert.equal(
        problemOf(await login(p.fiscalCode, pin), 401).code,
        "INVALID_CREDENTIALS",
        "the old PIN is gone",
      );
      const fresh = await login(p.fiscalCode, body.pin);
      assert.deepEqual(fresh.json<LoginBody>(), {
        status: "authenticated",
        level: "ordinary",
        next: "/api/v1/me",
      });
      const statuses = await rows<{ status: string }>(
        s,
        "SELECT status FROM credential WHERE fiscal_code = $1 AND kind = 'operating' ORDER BY set_at",
        [p.fiscalCode],
      );
      assert.deepEqual(
        statuses.map((r) => r.status),
        ["superseded", "active"],
      );
    });

    it("keeps the level on renewal (a dispositive PIN stays dispositive)", async () => {
      const p = people.next();
      const { pin } = await personWithPin(s, p);
      await s.rt.db.query(
        "UPDATE credential SET level = 'dispositive' WHERE fiscal_code = $1 AND status = 'active'",
        [p.fiscalCode],
      );
      s.clock.advance(190 * 24 * 3600);
      const jar = new Jar();
      const expired = await login(p.fiscalCode, pin, jar);
      assert.deepEqual(expired.json<LoginBody>(), {
        status: "renewal_required",
        level: "dispositive",
        next: "/api/v1/pin/renew",
      });
      const renew = await api(s, "POST", "/api/v1/pin/renew", undefined, jar);
      assert.equal(renew.json<{ level: string }>().level, "dispositive");
      const newPin = renew.json<{ pin: string }>().pin;
      assert.equal((await login(p.fiscalCode, newPin)).json<LoginBody>().level, "dispositive");
    });

    it("never expires an initial PIN that was not used yet", async () => {
      const p = people.next();
      const initial = await initialPin(p);
      s.clock.advance(3 * 365 * 24 * 3600);
      assert.equal(
        (await login(p.fiscalCode, initial)).json<LoginBody>().status,
        "pin_change_required",
      );
    });
  });
});
