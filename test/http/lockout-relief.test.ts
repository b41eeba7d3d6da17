/**
 * Lockout relief (SPEC.md "Beyond the seeds"): the seeds' lock still holds for unknown
 * browsers, but a browser where the holder logged in before (a device cookie) counts on its
 * own, so a stranger cannot lock the holder out of their own device; the holder is told of a
 * lock once a day; after 100 consecutive failures unknown browsers are refused until the
 * holder succeeds from a known device. And the login tells how many attempts remain.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { encodeFiscalCode } from "../../src/domain/fiscal-code.ts";
import { api, Jar, personWithPin, startService, type TestService } from "../helpers/app.ts";
import { count, csrfOf, formPost, page, People, problemOf } from "../helpers/journeys.ts";

describe("lockout relief", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 40 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  const login = (fiscalCode: string, pin: string, jar?: Jar) =>
    api(s, "POST", "/api/v1/session", { fiscalCode, pin }, jar);

  it("keeps the holder's known device working while 200 attempts from an unknown browser keep the PIN locked, and tells the holder once", async () => {
    const p = people.next();
    const { pin, jar: device } = await personWithPin(s, p);
    assert.ok(device.cookies.has("inps_device"), "a device cookie after the first login");
    await s.deliver();
    const before = await count(s, "SELECT 1 FROM outbox WHERE kind = 'pin_locked'");

    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const r = await login(p.fiscalCode, "ABCDEFGH");
      statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
      s.clock.advance(30); // one attempt every 30 s: the lock never ends
    }
    assert.deepEqual(Object.fromEntries(statuses), { 401: 10, 423: 190 });
    assert.equal(
      problemOf(await login(p.fiscalCode, pin), 423).code,
      "PIN_LOCKED",
      "a stranger's browser stays locked, even with the right PIN",
    );

    const mine = await login(p.fiscalCode, pin, device);
    assert.equal(mine.statusCode, 200, `the holder's own device still logs in: ${mine.body}`);

    const notices = await s.deliver();
    assert.equal(
      (await count(s, "SELECT 1 FROM outbox WHERE kind = 'pin_locked'")) - before,
      1,
      "told once, not once per lock",
    );
    const notice = notices.find((e) => e.kind === "pin_locked");
    assert.ok(notice !== undefined);
    assert.equal(notice.to, p.email, "by e-mail when there is one");
    assert.match(notice.text, /5 minuti/u);
    assert.ok(!notice.text.includes(p.fiscalCode));
  });

  it("counts a known device's wrong PINs on its own: it locks itself, not the others", async () => {
    const p = people.next();
    const { pin, jar: device } = await personWithPin(s, p);
    for (let i = 0; i < 10; i++)
      assert.equal((await login(p.fiscalCode, "ABCDEFGH", device)).statusCode, 401);
    assert.equal(
      (await login(p.fiscalCode, pin, device)).statusCode,
      423,
      "the device locked itself",
    );
    assert.equal((await login(p.fiscalCode, pin)).statusCode, 200, "another browser is not locked");
  });

  it("refuses unknown browsers after 100 consecutive failures until the holder succeeds from a known device", async () => {
    const p = people.next();
    const { pin, jar: device } = await personWithPin(s, p);
    let failures = 0;
    while (failures < 100) {
      const r = await login(p.fiscalCode, "ABCDEFGH");
      if (r.statusCode === 401) failures++;
      else s.clock.advance(301); // wait the lock out, as a patient attacker would
    }
    s.clock.advance(301);
    const refused = await login(p.fiscalCode, pin);
    assert.equal(
      problemOf(refused, 423).code,
      "LOGIN_SUSPENDED",
      "even the right PIN, from an unknown browser",
    );
    assert.equal(
      (await login(p.fiscalCode, pin, device)).statusCode,
      200,
      "the known device works",
    );
    assert.equal((await login(p.fiscalCode, pin)).statusCode, 200, "and lifts the suspension");
  });

  it("tells the attempts left for a fiscal code nobody holds too", async () => {
    const unknown = encodeFiscalCode({
      surname: "Nessuno",
      givenNames: "Nemo",
      sex: "M",
      birthDate: "1950-01-01",
      birthPlaceCode: "Z600",
    });
    const first = await login(unknown, "ABCDEFGH");
    assert.equal(problemOf(first, 401).remainingAttempts, 9, "attempts left for unknown codes too");
  });

  it("tells on the login page how many attempts remain, and until when a lock lasts (Rome time)", async () => {
    const p = people.next();
    await personWithPin(s, p);
    const jar = new Jar();
    const get = await page(s, "/accedi", jar);
    let res = await formPost(
      s,
      "/accedi",
      { fiscalCode: p.fiscalCode, pin: "ABCDEFGH", _csrf: csrfOf(get.body) },
      jar,
    );
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /Le restano 9 tentativi/u);
    const wrong = async () =>
      (res = await formPost(
        s,
        "/accedi",
        { fiscalCode: p.fiscalCode, pin: "ABCDEFGH", _csrf: csrfOf(res.body) },
        jar,
      ));
    for (let i = 0; i < 8; i++) await wrong();
    const rome = new Intl.DateTimeFormat("it-IT", {
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      timeZone: "Europe/Rome",
    });
    const until = () => rome.format(new Date(s.clock.now().getTime() + 300_000));
    // The 10th wrong PIN says that it locked, and until when.
    await wrong();
    assert.equal(res.statusCode, 401);
    assert.ok(res.body.includes(until()), "the lock it started, until when (Rome time)");
    // Any attempt during the lock: refused, and the new end is told.
    s.clock.advance(60);
    await wrong();
    assert.equal(res.statusCode, 423);
    assert.ok(res.body.includes(until()), "the restarted lock's end, in Rome time");
  });
});
