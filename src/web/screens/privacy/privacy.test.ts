/**
 * The holder's own pages: linked from the personal area; the activity in words with older
 * pages; sessions and devices ended and forgotten with CSRF-protected forms (the current
 * session's form logs out); the export's downloads; bad input answers a page, never a 500.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  Jar,
  personWithPin,
  startService,
  type TestService,
} from "../../../../test/helpers/app.ts";
import { csrfOf, formPost, page, People } from "../../../../test/helpers/journeys.ts";

describe("activity, sessions and data pages", () => {
  let s: TestService;
  let people: People;
  before(async () => {
    s = await startService({ archiveSize: 20 });
    people = new People(s);
  });
  after(async () => {
    await s.close();
  });

  it("links the three pages from the personal area and shows the activity in Italian and English", async () => {
    const { jar } = await personWithPin(s, people.next());
    const area = (await page(s, "/area-personale", jar)).body;
    for (const href of [
      "/area-personale/attivita",
      "/area-personale/accessi",
      "/area-personale/dati",
    ])
      assert.ok(area.includes(`href="${href}"`), href);

    const it = await page(s, "/area-personale/attivita", jar);
    assert.equal(it.statusCode, 200);
    assert.match(it.body, /<h1>La mia attività<\/h1>/u);
    assert.match(it.body, /Primo accesso: PIN di 8 caratteri generato/u);
    assert.match(it.body, /Rete locale/u);
    const en = await page(s, "/area-personale/attivita?lang=en", jar);
    assert.match(en.body, /First access: 8-character PIN generated/u);

    const bad = await page(s, "/area-personale/attivita?prima=abc", jar);
    assert.equal(bad.statusCode, 422);
    assert.match(String(bad.headers["content-type"]), /text\/html/u);
    const oldest = await page(s, "/area-personale/attivita?prima=1", jar);
    assert.equal(oldest.statusCode, 200);
    assert.match(oldest.body, /Nessuna attività registrata/u);
  });

  it("ends another session, forgets a device, and logs out with the current session's form", async () => {
    const p = people.next();
    const { pin, jar } = await personWithPin(s, p);
    const other = new Jar();
    await formPost(
      s,
      "/accedi",
      { _csrf: csrfOf((await page(s, "/accedi", other)).body), fiscalCode: p.fiscalCode, pin },
      other,
    );
    assert.equal((await page(s, "/area-personale", other)).statusCode, 200);

    const list = await page(s, "/area-personale/accessi", jar);
    assert.equal(list.statusCode, 200);
    const ids = [
      ...list.body.matchAll(
        /action="\/area-personale\/accessi\/chiudi"[^>]*>.*?name="id" value="([^"]+)"/gu,
      ),
    ].map((m) => m[1] ?? "");
    assert.equal(ids.length, 2, "two open sessions");
    assert.match(list.body, /Questa sessione/u);
    // The current session's form comes with "Esci"; the other's with "Chiudi la sessione".
    const otherId = /name="id" value="([^"]+)"><button[^>]*>Chiudi la sessione/u.exec(
      list.body,
    )?.[1];
    assert.ok(otherId !== undefined);

    const noCsrf = await formPost(s, "/area-personale/accessi/chiudi", { id: otherId }, jar);
    assert.equal(noCsrf.statusCode, 403);
    const ended = await formPost(
      s,
      "/area-personale/accessi/chiudi",
      { _csrf: csrfOf(list.body), id: otherId },
      jar,
    );
    assert.equal(ended.statusCode, 303);
    assert.equal(ended.headers.location, "/area-personale/accessi?esito=chiusa");
    assert.equal(
      (await page(s, "/area-personale", other)).statusCode,
      303,
      "the other browser is out",
    );

    const after = await page(s, "/area-personale/accessi?esito=chiusa", jar);
    assert.match(after.body, /Sessione chiusa\./u);
    const device =
      /action="\/area-personale\/accessi\/dimentica"[^>]*>.*?name="id" value="([^"]+)"/u.exec(
        after.body,
      )?.[1];
    assert.ok(device !== undefined);
    const missing = await formPost(
      s,
      "/area-personale/accessi/dimentica",
      { _csrf: csrfOf(after.body), id: "nope" },
      jar,
    );
    assert.equal(missing.statusCode, 404);
    const forgot = await formPost(
      s,
      "/area-personale/accessi/dimentica",
      { _csrf: csrfOf(after.body), id: device },
      jar,
    );
    assert.equal(forgot.headers.location, "/area-personale/accessi?esito=dimenticato");

    const last = await page(s, "/area-personale/accessi", jar);
    const mine = /name="id" value="([^"]+)"><button[^>]*>Esci/u.exec(last.body)?.[1];
    assert.ok(mine !== undefined);
    const out = await formPost(
      s,
      "/area-personale/accessi/chiudi",
      { _csrf: csrfOf(last.body), id: mine },
      jar,
    );
    assert.equal(out.headers.location, "/");
    assert.equal((await page(s, "/area-personale", jar)).statusCode, 303, "logged out");
  });

  it("offers the export as PDF and JSON downloads", async () => {
    const { jar } = await personWithPin(s, people.next());
    const data = await page(s, "/area-personale/dati", jar);
    assert.equal(data.statusCode, 200);
    assert.match(data.body, /href="\/area-personale\/dati\.pdf"/u);
    const pdf = await page(s, "/area-personale/dati.pdf", jar);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    const json = await page(s, "/area-personale/dati.json", jar);
    assert.ok("sections" in json.json<object>());
    assert.equal((await page(s, "/area-personale/dati", new Jar())).statusCode, 303, "login first");
  });
});
