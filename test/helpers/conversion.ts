/** What the conversion and benefit-claim tests share: a logged-in holder, uploads, the CLI. */
import type { LightMyRequestResponse } from "fastify";
import { conversionCommand } from "../../src/cli/conversion.ts";
import type { ArchivePerson } from "../../src/domain/archive.ts";
import type { DevOutboxEntry } from "../../src/notifications/dev-outbox.ts";
import { api, Jar, personWithPin, type TestService } from "./app.ts";
import { newMessages, People } from "./journeys.ts";
import * as files from "./uploads.ts";

export const CLAIM_BODY = {
  benefitType: "survivors_pension",
  fields: {
    deceasedFiscalCode: "RSSMRA40A01H501X",
    dateOfDeath: "2025-12-01",
    relationship: "spouse",
    paymentIban: "GB82 WEST 1234 5698 7654 32",
  },
};

export interface ConversionKit {
  people: People;
  delivered: () => Promise<DevOutboxEntry[]>;
  /** A person with an 8-character PIN, logged in (`jar`); `shown` is the activation's session. */
  holder(pick?: (p: ArchivePerson) => boolean): Promise<{
    p: ArchivePerson;
    pin: string;
    jar: Jar;
    shown: Jar;
  }>;
  upload(jar: Jar, parts: files.Part[]): Promise<LightMyRequestResponse>;
  goodParts(): Promise<files.Part[]>;
  /** `inps-pin conversion …` on this service's database and clock. */
  cli(...args: string[]): Promise<number | null>;
}

export function conversionKit(s: TestService): ConversionKit {
  const people = new People(s);
  const delivered = newMessages(s);
  return {
    people,
    delivered,
    async holder(pick) {
      let p = people.next();
      while (pick !== undefined && !pick(p)) p = people.next();
      const shown = new Jar();
      const { pin } = await personWithPin(s, p, shown);
      const jar = new Jar();
      await api(s, "POST", "/api/v1/session", { fiscalCode: p.fiscalCode, pin }, jar);
      await delivered();
      return { p, pin, jar, shown };
    },
    async upload(jar, parts) {
      const body = files.multipartBody(parts);
      const res = await s.app.inject({
        method: "POST",
        url: "/api/v1/me/conversion",
        headers: { "content-type": body.contentType, cookie: jar.header() },
        payload: body.payload,
      });
      jar.update(res);
      return res;
    },
    async goodParts() {
      return [
        {
          name: "signedForm",
          fileName: "modulo firmato.pdf",
          contentType: "application/pdf",
          data: await files.pdf(),
        },
        {
          name: "identityDocument",
          fileName: "passaporto.jpg",
          contentType: "image/jpeg",
          data: await files.jpegWithGps(),
        },
      ];
    },
    cli: (...args) => conversionCommand(s.rt.ctx.config, s.tdb.db, args, s.clock),
  };
}
