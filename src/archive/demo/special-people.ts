/**
 * Puts the hand-made people of demo-data/hand-made-people.ts at the top of the archive,
 * before any random person, so their positions and fiscal codes never depend on the
 * size of the archive.
 */
import {
  NAMESAKE,
  NAMESAKE_COUNTRIES,
  OMOCODE_TWINS,
  SHOWCASE_PEOPLE,
} from "../demo-data/hand-made-people.ts";
import type { Generator } from "./generator.ts";
import { countryProfile, isMobile, randomAddress, randomMobile } from "./residence.ts";
import type { Extras } from "./types.ts";

/** Easy-to-type eligible people, for demos and manual tests. */
export function addShowcasePeople(g: Generator): void {
  for (const p of SHOWCASE_PEOPLE) {
    const extras: Extras = {
      // A copy: the archive's people must not share objects with the module-level data.
      residence: { ...p.residence },
      mobile: isMobile(p.mobile, p.country)
        ? p.mobile
        : randomMobile(g.r, countryProfile(p.country), p.residence.city),
      email: p.email,
      healthCard: g.healthCard(),
      emigrationYear: p.emigrationYear,
    };
    if (p.pec !== undefined) extras.pec = p.pec;
    g.add(p.id, p.country, extras);
  }
}

/** Twins and namesakes whose fiscal codes collide, so the archive holds omocodes. */
export function addOmocodePeople(g: Generator): void {
  for (const [a, b, iso] of OMOCODE_TWINS) {
    // Twins share the family home.
    const residence = randomAddress(g.r, countryProfile(iso));
    g.add(a, iso, {
      residence,
      emigrationYear: a.birthPlaceCode.startsWith("Z") ? undefined : 1985,
    });
    g.add(b, iso, {
      residence,
      emigrationYear: b.birthPlaceCode.startsWith("Z") ? undefined : 1987,
    });
  }
  for (const iso of NAMESAKE_COUNTRIES) g.add(NAMESAKE, iso, { emigrationYear: 1969 });
}
