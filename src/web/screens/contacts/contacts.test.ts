/**
 * The contacts pages: the list linked from the personal area, a change with the PIN typed in
 * the same form once it is not fresh, the code on its own page, a removal; errors tied to
 * their fields.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  api,
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../../../../test/helpers/app.ts";
import { csrfOf, formPost, newMessages, page, People } from "../../../../test/helpers/journeys.ts";

describe("contacts pages", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 20 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  it("changes the e-mail with the PIN and the code, then removes the mobile", async () => {
    const messages = newMessages(s);
    const p = people.next();
    const { pin } = await personWithPin(s, p);
    const jar = new Jar();
    await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
    await messages();
    assert.match(
      (await page(s, "/area-personale", jar)).body,
      /href="\/area-personale\/contatti"/u,
    );

    s.clock.advance(301);
    const list = await page(s, "/area-personale/contatti", jar);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(p.mobile ?? "?"));
    assert.match(list.body, /id="c-pin"/u, "the PIN is asked once it is not fresh");

    const noPin = await formPost(
      s,
      "/area-personale/contatti",
      { _csrf: csrfOf(list.body), kind: "email", value: "nuova@example.org", pin: "" },
      jar,
    );
    assert.equal(noPin.statusCode, 422);
    assert.match(noPin.body, /id="c-pin-error"/u);

    const sent = await formPost(
      s,
      "/area-personale/contatti",
      { _csrf: csrfOf(noPin.body), kind: "email", value: "nuova@example.org", pin },
      jar,
    );
    assert.equal(sent.statusCode, 303, sent.body);
    const codePage = await page(s, sent.headers.location as string, jar);
    assert.equal(codePage.statusCode, 200);
    const code = /\b(\d{6})\b/u.exec(
      (await messages()).find((e) => e.kind === "contact_code")?.text ?? "",
    )?.[1];
    assert.ok(code !== undefined);
    const wrong = await formPost(
      s,
      "/area-personale/contatti/codice",
      {
        _csrf: csrfOf(codePage.body),
        kind: "email",
        code: "000000" === code ? "111111" : "000000",
      },
      jar,
    );
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="c-code-error"/u);
    const ok = await formPost(
      s,
      "/area-personale/contatti/codice",
      { _csrf: csrfOf(wrong.body), kind: "email", code },
      jar,
    );
    assert.equal(ok.statusCode, 303);
    const after = await page(s, ok.headers.location as string, jar);
    assert.ok(after.body.includes("nuova@example.org"));

    const removed = await formPost(
      s,
      "/area-personale/contatti/rimuovi",
      { _csrf: csrfOf(after.body), kind: "mobile" },
      jar,
    );
    assert.equal(removed.statusCode, 303, "the PIN typed a moment ago still counts");
    const last = await page(s, removed.headers.location as string, jar);
    assert.ok(!last.body.includes(p.mobile ?? "?"));
    assert.doesNotMatch(last.body, /rimuovi/u, "the last contact cannot be removed");
  });
});
