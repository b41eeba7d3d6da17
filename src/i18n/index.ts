/**
 * Translation lookup over the typed catalogues with i18next (interpolation, fallback to
 * Italian). Keys are checked at compile time through the Catalogue type.
 */
import i18next, { type TFunction } from "i18next";
import { en } from "./en/index.ts";
import { it, type Catalogue } from "./it/index.ts";

export type Lang = "it" | "en";
export const LANGS: readonly Lang[] = ["it", "en"];
export const catalogues: Record<Lang, Catalogue> = { it, en };

const instance = i18next.createInstance();
void instance.init({
  resources: { it: { translation: it }, en: { translation: en } },
  lng: "it",
  fallbackLng: "it",
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const fixed: Record<Lang, TFunction> = {
  it: instance.getFixedT("it"),
  en: instance.getFixedT("en"),
};

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Catalogue>;

export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  return fixed[lang](key, vars ?? {});
}

/** For keys built at run time (field codes): falls back to a generic message. */
export function tField(lang: Lang, code: string, params?: Record<string, string>): string {
  const table = catalogues[lang].field as Record<string, string>;
  const text = table[code] ?? catalogues[lang].field.invalid;
  return text.replace(/\{\{(\w+)\}\}/gu, (m, name: string) => params?.[name] ?? m);
}

export function isLang(v: unknown): v is Lang {
  return v === "it" || v === "en";
}
