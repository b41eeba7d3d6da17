/**
 * Country codes and localized country names (from i18n-iso-countries), for the address
 * form's country list and the country line of letters.
 */
import countries from "i18n-iso-countries";
import type { CountryCode } from "../archive.ts";

export type CountryLang = "it" | "en";

const collators: Record<CountryLang, Intl.Collator> = {
  it: new Intl.Collator("it", { sensitivity: "base" }),
  en: new Intl.Collator("en", { sensitivity: "base" }),
};

const countryListCache = new Map<CountryLang, readonly { code: string; name: string }[]>();

/** True for an upper-case ISO 3166-1 alpha-2 code known to the country list ("AR", "DE", "IT"). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/**
 * The localized name of a country ("DE" -> "Germania" / "Germany"). Lower-case codes
 * are accepted; an unknown code is returned unchanged (upper-cased), never thrown on.
 */
export function countryName(code: CountryCode, lang: CountryLang): string {
  const c = code.trim().toUpperCase();
  if (!isCountryCode(c)) return c;
  return countries.getName(c, lang) ?? c;
}

/**
 * The code of a country named in `lang`, case-insensitively ("ARGENTINA" -> "AR"), or
 * undefined: reads back the country line formatPostalAddress wrote.
 */
export function countryCodeOfName(name: string, lang: CountryLang): string | undefined {
  const wanted = name.trim();
  if (wanted === "") return undefined;
  const collator = collators[lang];
  return listCountries(lang).find((c) => collator.compare(c.name, wanted) === 0)?.code;
}

/** All ISO 3166-1 alpha-2 countries (Italy included), sorted by localized name. */
export function listCountries(lang: CountryLang): { code: string; name: string }[] {
  let list = countryListCache.get(lang);
  if (list === undefined) {
    const names = countries.getNames(lang, { select: "official" });
    const collator = collators[lang];
    list = Object.entries(names)
      .filter(([code]) => /^[A-Z]{2}$/.test(code))
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
    countryListCache.set(lang, list);
  }
  return list.map((c) => ({ ...c }));
}
