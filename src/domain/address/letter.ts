/**
 * The address block of letters posted from Italy to citizens abroad, laid out the way
 * the destination country's postal service expects (OpenCage templates via
 * @fragaria/address-formatter).
 */
import addressFormatter from "@fragaria/address-formatter";
import type { PostalAddress } from "../archive.ts";
import { countryName } from "./countries.ts";
import type { CountryLang } from "./countries.ts";
import { normalizePostalCode } from "./postal-code.ts";

export interface FormatPostalAddressOptions {
  /** Language of the country line; UPU practice is the language of the origin country (Italian). */
  countryNameLang?: CountryLang;
}

function cleanLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

const SPELLED_OUT_REGIONS: ReadonlySet<string> = new Set(["VE", "CO", "MX"]);

/**
 * The lines of the address block of a letter posted from Italy to `a`: recipient
 * first, then the destination country's own layout (OpenCage templates via
 * @fragaria/address-formatter), then the country name in upper case as the last line
 * (in Italian by default, the language of the country of origin, per UPU practice).
 * `line2` is placed right under `line1`. Falls back to a generic layout when the
 * country has no usable template.
 */
export function formatPostalAddress(
  recipient: string,
  a: PostalAddress,
  options: FormatPostalAddressOptions = {},
): string[] {
  const country = a.country.trim().toUpperCase();
  const countryLine = countryName(country, options.countryNameLang ?? "it").toLocaleUpperCase("it");
  const line1 = cleanLine(a.line1);
  const line2 = cleanLine(a.line2 ?? "");
  const city = cleanLine(a.city);
  const region = cleanLine(a.region ?? "");
  const postalCode = a.postalCode.trim() === "" ? "" : normalizePostalCode(country, a.postalCode);

  let body: string[] | undefined;
  try {
    const formatted = addressFormatter.format(
      {
        road: line1,
        city,
        postcode: postalCode,
        ...(region === "" ? {} : { state: region }),
        // The formatter abbreviates these countries' regions to ISO subdivision codes ("A" for
        // Distrito Capital) that their postal services do not use: keep the name.
        ...(region !== "" && SPELLED_OUT_REGIONS.has(country) ? { stateCode: region } : {}),
        countryCode: country,
        country: countryLine,
      },
      { output: "array", appendCountry: true, fallbackCountryCode: "default" },
    );
    const lines = formatted
      .map(cleanLine)
      .filter((l) => l !== "" && l.toLocaleUpperCase("it") !== countryLine)
      // The template splits the Argentine CPA ("C1043 AAZ"); Correo Argentino writes it whole.
      .map((l) =>
        country === "AR" && /^[A-Z]\d{4}[A-Z]{3}$/.test(postalCode)
          ? l.replace(`${postalCode.slice(0, 5)} ${postalCode.slice(5)}`, postalCode)
          : l,
      );
    const streetAt = line1 === "" ? -1 : lines.findIndex((l) => l.includes(line1));
    const complete =
      (line1 === "" || streetAt >= 0) && (city === "" || lines.some((l) => l.includes(city)));
    if (complete) {
      if (line2 !== "") lines.splice(streetAt + 1, 0, line2);
      body = lines;
    }
  } catch {
    body = undefined;
  }
  body ??= [line1, line2, cleanLine(`${postalCode} ${city}`), region].filter((l) => l !== "");
  return [cleanLine(recipient), ...body, countryLine].filter((l) => l !== "");
}
