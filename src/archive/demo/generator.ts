/**
 * The archive being built: one seeded Rng plus the fiscal codes and e-mail addresses
 * already issued, so that collisions are resolved the way the real offices do.
 */
import type { ArchivePerson, HealthCard, Sex } from "../../domain/archive.ts";
import { belfioreCodeForCountry } from "../../domain/belfiore.ts";
import { encodeFiscalCode, omocodeVariant, OMOCODE_POSITIONS } from "../../domain/fiscal-code.ts";
import { BIRTH_MUNICIPALITIES, EARLIER_WAVE, OLD_COMMUNITIES } from "../demo-data/birth-places.ts";
import { ITALIAN_GIVEN, ITALIAN_SURNAMES } from "../demo-data/italian-names.ts";
import { COUNTRY_BY_ISO, countryProfile, randomAddress, randomMobile } from "./residence.ts";
import { randomDate, Rng } from "./rng.ts";
import type { Extras, Identity } from "./types.ts";
import { contributionHistory, pensionPayments } from "./work-history.ts";

function ascii(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

export class Generator {
  readonly r: Rng;
  readonly codes = new Set<string>();
  readonly emails = new Set<string>();
  readonly people: ArchivePerson[] = [];

  constructor(seed: number) {
    this.r = new Rng(seed);
  }

  /** The real office's rule: on a collision the next omocodia level not yet issued. */
  issueFiscalCode(id: Identity): string {
    const canonical = encodeFiscalCode(id);
    for (let level = 0; level <= OMOCODE_POSITIONS.length; level++) {
      const code = omocodeVariant(canonical, level);
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
    throw new Error(`fiscal code space exhausted for ${canonical}`);
  }

  email(id: Identity): string {
    const r = this.r;
    const given = ascii(id.givenNames.split(" ")[0] ?? "");
    const surname = ascii(id.surname);
    const styles = [
      `${given}.${surname}`,
      `${given.charAt(0)}.${surname}`,
      `${given}${surname}${id.birthDate.slice(2, 4)}`,
      `${surname}.${given}`,
    ];
    const domain = r.pick(["example.com", "example.net"]);
    let local = r.pick(styles);
    for (let n = 2; this.emails.has(`${local}@${domain}`); n++) local = `${r.pick(styles)}${n}`;
    const address = `${local}@${domain}`;
    this.emails.add(address);
    return address;
  }

  healthCard(): HealthCard {
    const r = this.r;
    // 80 (health) + 380 (Italy) + issuer and serial digits.
    return { number: `80380${r.digits(15)}`, expiry: randomDate(r, 2024, 2031) };
  }

  add(id: Identity, residenceCountry: string, extras: Extras = {}): ArchivePerson {
    const r = this.r;
    const c = countryProfile(residenceCountry);
    const residence = extras.residence ?? randomAddress(r, c);
    const fiscalCode = this.issueFiscalCode(id);
    const contributions = contributionHistory(r, id, extras.emigrationYear);
    const person: ArchivePerson = {
      fiscalCode,
      surname: id.surname,
      givenNames: id.givenNames,
      sex: id.sex,
      birthDate: id.birthDate,
      birthPlaceCode: id.birthPlaceCode,
      residence,
      italianIdOnFile: extras.italianIdOnFile ?? false,
      healthCard:
        extras.healthCard === null
          ? undefined
          : (extras.healthCard ?? (r.chance(0.4) ? this.healthCard() : undefined)),
      mobile:
        extras.mobile === null
          ? undefined
          : (extras.mobile ?? (r.chance(0.92) ? randomMobile(r, c, residence.city) : undefined)),
      email:
        extras.email === null
          ? undefined
          : (extras.email ?? (r.chance(0.88) ? this.email(id) : undefined)),
      pec: extras.pec,
      contributions,
      pensionPayments: pensionPayments(r, id, contributions),
    };
    if (person.email !== undefined) this.emails.add(person.email);
    if (extras.pec === undefined && person.email !== undefined && r.chance(0.08)) {
      person.pec = `${person.email.split("@")[0] ?? "pec"}.pec@example.org`;
    }
    this.people.push(person);
    return person;
  }

  /** A random person living in `residenceCountry`. */
  random(residenceCountry: string, extras: Extras = {}): ArchivePerson {
    const r = this.r;
    const c = countryProfile(residenceCountry);
    const sex: Sex = r.chance(0.5) ? "F" : "M";
    const birthDate = randomDate(r, 1935, 2000);
    const birthYear = Number(birthDate.slice(0, 4));
    const italianBornP = birthYear < 1965 ? 0.8 : birthYear < 1980 ? 0.5 : 0.3;
    const italianBorn = residenceCountry === "IT" || r.chance(italianBornP);
    let birthPlaceCode: string;
    let givenNames: string;
    let surname: string = r.pick(ITALIAN_SURNAMES);
    let emigrationYear: number | undefined;
    if (italianBorn) {
      birthPlaceCode = r.weighted(BIRTH_MUNICIPALITIES).code;
      givenNames = r.pick(ITALIAN_GIVEN[sex]);
      emigrationYear = residenceCountry === "IT" ? 2025 : Math.min(birthYear + r.int(18, 40), 2018);
    } else {
      const roll = r.next();
      let birthCountry = residenceCountry;
      if (roll > 0.85 && birthYear < 1970) birthCountry = r.pick(OLD_COMMUNITIES);
      else if (roll > 0.7) birthCountry = r.pick(EARLIER_WAVE);
      birthPlaceCode = belfioreCodeForCountry(birthCountry) ?? "Z600";
      const oldCommunity = (OLD_COMMUNITIES as readonly string[]).includes(birthCountry);
      const local = oldCommunity ? undefined : (COUNTRY_BY_ISO.get(birthCountry)?.given ?? c.given);
      givenNames = local && r.chance(0.6) ? r.pick(local[sex]) : r.pick(ITALIAN_GIVEN[sex]);
      const localSurnames = c.surnames;
      if (localSurnames && r.chance(0.1)) surname = r.pick(localSurnames);
    }
    return this.add({ surname, givenNames, sex, birthDate, birthPlaceCode }, residenceCountry, {
      ...extras,
      emigrationYear,
    });
  }
}
