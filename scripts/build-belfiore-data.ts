/**
 * One-off generator of src/domain/data/belfiore.json, the Belfiore (cadastral) codes of
 * Italian municipalities and foreign states used in fiscal codes.
 *
 * Run: `node scripts/build-belfiore-data.ts` (needs the npm registry; writes the JSON).
 *      `node scripts/build-belfiore-data.ts --no-supplement` ships only the CC BY data.
 *
 * Where the data comes from (fetched with `npm pack`, nothing is installed):
 *  1. @marketto/belfiore-connector-embedded@1.2.1 (code MIT), asset/cities-countries.ts.
 *     Its data is compiled from:
 *       - ANPR archivio comuni, Ministero dell'Interno, CC BY 4.0
 *         (https://www.anagrafenazionale.interno.it/wp-content/uploads/ANPR_archivio_comuni.csv)
 *       - Agenzia delle Entrate codici catastali, CC BY 4.0
 *       - ISTAT "Elenco codici e denominazioni unità territoriali estere" and
 *         "Elenco Paesi esteri cessati", CC BY 3.0 IT (https://www.istat.it)
 *     It carries 8,112 current municipalities, 1,951 ceased ones with their dates, and the
 *     foreign states (current and ceased) with ISO 3166 alpha-2 codes.
 *  2. codice-fiscale-js@2.4.0, src/lista-comuni.js, licensed CC BY-SA 4.0
 *     (https://github.com/lucavandro/CodiceFiscaleJS). Used only as a supplement: the
 *     ~650 codes it knows that source 1 lacks, almost all municipalities and states that
 *     ceased long ago. People born there before the suppression still hold fiscal codes
 *     with those codes, and the service must not reject them. Also used for the current
 *     province of current municipalities, where source 1 sometimes has a historical one.
 *
 * Licence of the generated file: attribution to the Ministero dell'Interno, the Agenzia
 * delle Entrate and ISTAT is required (CC BY); because of the supplement (2) the JSON as a
 * whole is distributed under CC BY-SA 4.0. Use --no-supplement for a CC BY-only file.
 *
 * ISO alpha-2 codes: taken from source 1, corrected where it uses non-ISO codes ("UK"),
 * cross-checked against i18n-iso-countries' Italian names; ceased states get none so that
 * every ISO code maps to exactly one current Z code.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import countries from "i18n-iso-countries";
import itLocale from "i18n-iso-countries/langs/it.json" with { type: "json" };

countries.registerLocale(itLocale);

const MARKETTO = "@marketto/belfiore-connector-embedded@1.2.1";
const CFJS = "codice-fiscale-js@2.4.0";
const withSupplement = !process.argv.includes("--no-supplement");

interface DataSource {
  belfioreCode: string;
  creationDate?: string;
  expirationDate?: string;
  name: string;
  provinceOrCountry: string;
}

interface Place {
  code: string;
  name: string;
  /** Province (municipalities) or ISO alpha-2 (countries); "" when none. */
  area: string;
  /** YYYY-MM-DD of suppression, "" when unknown but ceased, undefined when current. */
  ceased?: string;
}

function fetchPackage(spec: string, dir: string): string {
  const out = execFileSync("npm", ["pack", spec, "--silent"], { cwd: dir, encoding: "utf8" });
  const tgz = out.trim().split("\n").pop() ?? "";
  const target = join(dir, tgz.replace(/\.tgz$/, ""));
  execFileSync("mkdir", ["-p", target]);
  execFileSync("tar", ["xzf", join(dir, tgz), "-C", target]);
  return join(target, "package");
}

/** Source 1 stores codes as base-32 integers (letter index * 1000 + number). */
function decodeCode(b32: string): string {
  const n = parseInt(b32, 32);
  return String.fromCharCode(65 + Math.floor(n / 1000)) + String(n % 1000).padStart(3, "0");
}

/** Source 1 stores dates as base-32 day counts from 1861-01-01. */
function decodeDate(b32: string): string {
  return new Date(Date.UTC(1861, 0, 1) + parseInt(b32, 32) * 86_400_000).toISOString().slice(0, 10);
}

function readMarketto(pkgDir: string): Place[] {
  const text = readFileSync(join(pkgDir, "asset", "cities-countries.ts"), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  const parsed = JSON.parse(json) as { data: DataSource[] };
  const places: Place[] = [];
  for (const ds of parsed.data) {
    const names = ds.name.split("|");
    const count = ds.belfioreCode.length / 3;
    if (names.length !== count) throw new Error("name count mismatch");
    for (let i = 0; i < count; i++) {
      const code = decodeCode(ds.belfioreCode.slice(i * 3, i * 3 + 3));
      const expiry = ds.expirationDate?.slice(i * 4, i * 4 + 4);
      const place: Place = {
        code,
        name: names[i] ?? "",
        area: ds.provinceOrCountry.slice(i * 2, i * 2 + 2).trim(),
      };
      if (expiry) place.ceased = decodeDate(expiry);
      places.push(place);
    }
  }
  return places;
}

function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .replace(/(^|[\s\-'(/])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\b(Di|De|Del|Della|Dei|Delle|Degli|Sul|Sulla|E|In|Al|Nel)\b/g, (w) =>
      w.toLowerCase(),
    );
}

function readCfjs(pkgDir: string): Place[] {
  const text = readFileSync(join(pkgDir, "src", "lista-comuni.js"), "utf8");
  const rows = [...text.matchAll(/\['([A-Z]\d{3})', '(\w\w)', (['"])(.*?)\3, (\d)\]/g)];
  return rows.map((m) => {
    const place: Place = {
      code: m[1] ?? "",
      name: titleCase(m[4] ?? ""),
      area: m[2] === "EE" ? "" : (m[2] ?? ""),
    };
    if (m[5] === "0") place.ceased = "";
    return place;
  });
}

const ISO_FIXES: Record<string, string> = { UK: "GB" };

function main(): void {
  const work = mkdtempSync(join(tmpdir(), "belfiore-"));
  const primary = readMarketto(fetchPackage(MARKETTO, work));
  const byCode = new Map<string, Place>();
  for (const p of primary) {
    if (byCode.has(p.code)) throw new Error(`duplicate ${p.code}`);
    byCode.set(p.code, p);
  }
  let supplemented = 0;
  let provincesFixed = 0;
  if (withSupplement) {
    const secondary = readCfjs(fetchPackage(CFJS, work));
    // Source 1 gives some current municipalities a historical province (Caluso "AO", Aversa
    // "NA"); source 2 follows ISTAT's current list, so its province wins for current places.
    for (const p of secondary) {
      const current = byCode.get(p.code);
      if (p.ceased !== undefined || p.code.startsWith("Z") || !current) continue;
      if (current.ceased === undefined && current.area !== p.area) {
        current.area = p.area;
        provincesFixed++;
      }
    }
    // Several rows per code (renamed places): the current name wins, else the last seen.
    const extra = new Map<string, Place>();
    for (const p of secondary) {
      if (byCode.has(p.code)) continue;
      const prev = extra.get(p.code);
      if (!prev || prev.ceased !== undefined) extra.set(p.code, p);
    }
    for (const p of extra.values()) {
      // A code missing from the authoritative current list is ceased whatever source 2 says.
      byCode.set(p.code, {
        ...p,
        area: p.code.startsWith("Z") ? "" : p.area,
        ceased: p.ceased ?? "",
      });
      supplemented++;
    }
  }

  const municipalities: (string | number)[][] = [];
  const states: (string | number)[][] = [];
  const isoSeen = new Map<string, string>();
  for (const p of [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (p.code.startsWith("Z")) {
      let iso = ISO_FIXES[p.area] ?? p.area;
      if (p.ceased !== undefined || !countries.isValid(iso)) iso = "";
      if (iso) {
        const other = isoSeen.get(iso);
        if (other) throw new Error(`ISO ${iso} on both ${other} and ${p.code}`);
        isoSeen.set(iso, p.code);
        const byName = countries.getAlpha2Code(p.name, "it");
        if (byName && byName !== iso)
          console.warn(`note: ${p.code} ${p.name}: data ${iso}, i18n ${byName}`);
      } else if (p.ceased === undefined) {
        // A current state without ISO code: try the Italian name.
        iso = countries.getAlpha2Code(p.name, "it") ?? "";
        console.warn(
          `note: current state without ISO code ${p.code} ${p.name} -> ${iso || "none"}`,
        );
      }
      states.push(p.ceased === undefined ? [p.code, p.name, iso] : [p.code, p.name, iso, p.ceased]);
    } else {
      municipalities.push(
        p.ceased === undefined ? [p.code, p.name, p.area] : [p.code, p.name, p.area, p.ceased],
      );
    }
  }

  const out = {
    about:
      "Belfiore codes. Rows: [code, name, province | ISO alpha-2, ceased date?]. A 4th element means " +
      'ceased ("" = date unknown). Sources: ANPR (Ministero dell\'Interno, CC BY 4.0), Agenzia delle ' +
      "Entrate (CC BY 4.0), ISTAT (CC BY 3.0 IT) via @marketto/belfiore-connector-embedded 1.2.1" +
      (withSupplement
        ? `; ${supplemented} ceased codes and ${provincesFixed} current provinces from codice-fiscale-js 2.4.0 ` +
          "(ISTAT list, CC BY-SA 4.0), so this file is CC BY-SA 4.0."
        : ".") +
      " Built by scripts/build-belfiore-data.ts.",
    municipalities,
    states,
  };
  const target = join(
    dirname(fileURLToPath(import.meta.url)),
    "..",
    "src",
    "domain",
    "data",
    "belfiore.json",
  );
  const body =
    "{\n" +
    `"about": ${JSON.stringify(out.about)},\n` +
    `"municipalities": [\n${municipalities.map((r) => JSON.stringify(r)).join(",\n")}\n],\n` +
    `"states": [\n${states.map((r) => JSON.stringify(r)).join(",\n")}\n]\n}\n`;
  writeFileSync(target, body);
  console.log(
    `wrote ${target}: ${municipalities.length} municipalities, ${states.length} states, ` +
      `${supplemented} codes and ${provincesFixed} provinces from the supplement, ${Buffer.byteLength(body)} bytes`,
  );
}

main();
