/**
 * An activity item in plain language (pages, the API's `text`, the export), from the one
 * catalogue: what happened, who did it when it was not the holder, the country and the device.
 */
import { countryName } from "../domain/address/countries.ts";
import { deviceLabel, type DeviceSummary } from "../domain/user-agent.ts";
import { catalogues, t, type Lang } from "../i18n/index.ts";
import type { IpCountry } from "../geo/ip-country.ts";
import type { ActivityItem } from "./activity.ts";

export interface ActivityText {
  what: string;
  /** INPS staff (with role) or the service; null for the holder or someone at the login. */
  by: string | null;
  where: string;
  device: string;
}

export function countryText(lang: Lang, c: IpCountry): string {
  if (c === "local") return t(lang, "activity.local");
  return c === null ? t(lang, "activity.unknown") : countryName(c, lang);
}

export function deviceText(lang: Lang, d: DeviceSummary | null): string {
  return (d === null ? null : deviceLabel(d)) ?? t(lang, "activity.unknown");
}

export function activityText(lang: Lang, item: ActivityItem): ActivityText {
  const c = catalogues[lang];
  const events: Readonly<Record<string, string>> = c.activity.events;
  const roles: Readonly<Record<string, string>> = c.activity.roles;
  const kinds: Readonly<Record<string, string>> = c.contacts.kind;
  const kind = item.details.kind;
  const base = events[item.type] ?? item.type;
  const what =
    typeof kind === "string" && kinds[kind] !== undefined ? `${base}: ${kinds[kind]}` : base;
  const by =
    item.by === "staff"
      ? t(lang, "activity.staff", { role: roles[item.staffRole ?? ""] ?? item.staffRole ?? "" })
      : item.by === "system"
        ? t(lang, "activity.system")
        : null;
  return {
    what,
    by,
    where: countryText(lang, item.country),
    device: deviceText(lang, item.device),
  };
}
