/**
 * A deterministic, realistic demo archive of INPS insured persons living abroad, for
 * development installs, demos and tests. Everything comes from a seeded PRNG, so a seed
 * always yields the same people; no real person is described (names are combined at
 * random, e-mail addresses use the reserved example.* domains).
 *
 * Shape of the output (default seed and size):
 *  - index 0..4: easy-to-type eligible people resident in AR, BR, DE, US, AU;
 *  - then twins and namesakes whose fiscal codes collide, resolved by omocodia;
 *  - then 8 people resident in Italy and 8 with an Italian identity document on file
 *    (both ineligible for the PIN);
 *  - then random people, the first of them cycling through every country once.
 */
import type {
  ArchivePerson,
  ContributionPeriod,
  HealthCard,
  PensionPayment,
  PostalAddress,
  Sex,
} from "../domain/archive.ts";
import { belfioreCodeForCountry } from "../domain/belfiore.ts";
import { encodeFiscalCode, omocodeVariant, OMOCODE_POSITIONS } from "../domain/fiscal-code.ts";
import { isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";

export const DEMO_ARCHIVE_SEED = 1946;
export const DEMO_ARCHIVE_SIZE = 1200;
/** The archive describes the state of affairs at this date (ages, pensions paid). */
export const DEMO_ARCHIVE_DATE = "2026-01-01";

/** Category codes used in pension payments. */
export const PENSION_CATEGORIES: Readonly<Record<string, string>> = {
  VO: "Pensione di vecchiaia",
  SO: "Pensione ai superstiti",
  IO: "Assegno ordinario di invalidità",
};

export type DemoEligibility =
  { eligible: true } | { eligible: false; reason: "resident_in_italy" | "italian_id_on_file" };

/** The two archive facts that make a person ineligible for a PIN whatever they declare. */
export function isDemoEligible(p: ArchivePerson): DemoEligibility {
  if (p.residence.country.toUpperCase() === "IT") {
    return { eligible: false, reason: "resident_in_italy" };
  }
  if (p.italianIdOnFile) return { eligible: false, reason: "italian_id_on_file" };
  return { eligible: true };
}

// ---------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: tiny, fast and good enough for test data; never for secrets. */
class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let x = this.next() * total;
    for (const item of items) {
      x -= item.weight;
      if (x < 0) return item;
    }
    return this.pick(items);
  }

  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  letters(n: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet.charAt(this.int(0, alphabet.length - 1));
    return s;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

// ---------------------------------------------------------------------------------------
// Countries of residence

type PostalGen = (r: Rng) => string;
type Line1Gen = (r: Rng, street: string) => { line1: string; line2?: string };

interface City {
  name: string;
  region?: string;
  weight: number;
  postal: PostalGen;
  /** E.164 prefixes of local mobiles, when the number depends on the city. */
  mobile?: readonly string[];
  streets?: readonly string[];
}

interface Country {
  iso2: string;
  weight: number;
  cities: readonly City[];
  streets: readonly string[];
  line1: Line1Gen;
  /** E.164 prefixes of mobile numbers; digits are added up to `mobileLength`. */
  mobile: readonly string[];
  /** Total digits after "+". */
  mobileLength: number;
  given?: { M: readonly string[]; F: readonly string[] };
  surnames?: readonly string[];
}

const range =
  (lo: number, hi: number, width: number): PostalGen =>
  (r) =>
    pad(r.int(lo, hi), width);
const oneOf =
  (...codes: string[]): PostalGen =>
  (r) =>
    r.pick(codes);

const numberFirst: Line1Gen = (r, street) => ({ line1: `${r.int(1, 240)} ${street}` });
const streetFirst: Line1Gen = (r, street) => ({ line1: `${street} ${r.int(1, 180)}` });
const streetFirstComma: Line1Gen = (r, street) => ({ line1: `${street}, ${r.int(1, 300)}` });
const numberCommaFirst: Line1Gen = (r, street) => ({ line1: `${r.int(1, 120)}, ${street}` });
const withFlat =
  (base: Line1Gen, flat: (r: Rng) => string, p = 0.4): Line1Gen =>
  (r, street) => {
    const l = base(r, street);
    return r.chance(p) ? { line1: l.line1, line2: flat(r) } : l;
  };

const SPANISH_GIVEN = {
  M: [
    "Juan Carlos",
    "Agustín",
    "Matías",
    "Martín",
    "Sebastián",
    "José Luis",
    "Andrés",
    "Diego",
    "Tomás",
    "Nicolás",
  ],
  F: [
    "María José",
    "Sofía",
    "Lucía",
    "Valentina",
    "Camila",
    "Ana Belén",
    "Florencia",
    "Julieta",
    "Inés",
    "Ximena",
  ],
};
const SPANISH_SURNAMES = [
  "González",
  "Rodríguez",
  "Fernández",
  "López",
  "Martínez",
  "Pérez",
  "Gómez",
  "Díaz",
  "Álvarez",
  "Muñoz",
];
const ENGLISH_GIVEN = {
  M: ["James", "Michael", "David", "Daniel", "Christopher", "Matthew", "Ryan", "Anthony"],
  F: ["Emily", "Sarah", "Jessica", "Ashley", "Olivia", "Megan", "Rachel", "Chloe"],
};
const ENGLISH_SURNAMES = [
  "Smith",
  "Johnson",
  "Brown",
  "Taylor",
  "Wilson",
  "O'Brien",
  "Walsh",
  "Thompson",
];
const GERMAN_GIVEN = {
  M: ["Jürgen", "Jörg", "Lukas", "Stefan", "Matthias", "Tobias", "Andreas", "Uwe"],
  F: ["Sabine", "Katrin", "Jana", "Jessica", "Anja", "Birgit", "Ute", "Lea"],
};
const GERMAN_SURNAMES = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Köhler",
];
const FRENCH_GIVEN = {
  M: ["François", "Jérôme", "Olivier", "Sébastien", "Thierry", "Benoît", "Cédric", "Loïc"],
  F: ["Hélène", "Céline", "Sophie", "Amélie", "Chloé", "Élodie", "Nathalie", "Maëlle"],
};
const FRENCH_SURNAMES = [
  "Dubois",
  "Lefèvre",
  "Moreau",
  "Laurent",
  "Girard",
  "Lemaire",
  "Peeters",
  "Janssens",
];
const PORTUGUESE_GIVEN = {
  M: ["João", "Gabriel", "Lucas", "Rafael", "Thiago", "Luís Fernando", "Caio", "Vinícius"],
  F: ["Luíza", "Júlia", "Ana Clara", "Beatriz", "Letícia", "Mariana", "Fernanda", "Gabriela"],
};
const PORTUGUESE_SURNAMES = [
  "Silva",
  "Santos",
  "Oliveira",
  "Souza",
  "Pereira",
  "Lima",
  "Carvalho",
  "Gonçalves",
];

const AR_FLAT = (r: Rng): string => `Piso ${r.int(1, 14)}, Depto. ${r.letters(1, "ABCDEF")}`;
const ES_FLAT = (r: Rng): string => `${r.int(1, 8)}º ${r.letters(1, "ABCD")}`;
const BR_FLAT = (r: Rng): string => `Apto ${r.int(1, 25)}${r.int(0, 1)}${r.int(1, 4)}`;
const US_FLAT = (r: Rng): string => `Apt ${r.int(1, 20)}${r.letters(1, "ABCDEF")}`;
const AR_CPA =
  (letter: string, lo: number, hi: number): PostalGen =>
  (r) =>
    `${letter}${pad(r.int(lo, hi), 4)}${r.letters(3, "ABCDEFGHJKLMNPQRSTUVWXYZ")}`;
const BR_CEP =
  (lo: number, hi: number): PostalGen =>
  (r) =>
    `${pad(r.int(lo, hi), 5)}-${r.digits(3)}`;
const CA_POSTAL =
  (...fsa: string[]): PostalGen =>
  (r) =>
    `${r.pick(fsa)} ${r.int(0, 9)}${r.letters(1, "ABCEGHJKLMNPRSTVWXYZ")}${r.int(0, 9)}`;
const GB_POSTAL =
  (...outward: string[]): PostalGen =>
  (r) =>
    `${r.pick(outward)} ${r.int(1, 9)}${r.letters(2, "ABDEFGHJLNPQRSTUWXYZ")}`;
const NL_POSTAL =
  (lo: number, hi: number): PostalGen =>
  (r) =>
    `${r.int(lo, hi)} ${r.letters(2, "ABCDEGHJKLMNPRTVWXZ")}`;
const IE_POSTAL =
  (...keys: string[]): PostalGen =>
  (r) =>
    `${r.pick(keys)} ${r.letters(4, "0123456789ACDEFHKNPRTVWXY")}`;

const COUNTRIES: readonly Country[] = [
  {
    iso2: "AR",
    weight: 18,
    cities: [
      {
        name: "Buenos Aires",
        region: "Ciudad Autónoma de Buenos Aires",
        weight: 6,
        postal: AR_CPA("C", 1000, 1499),
        mobile: ["+54911"],
      },
      {
        name: "La Plata",
        region: "Buenos Aires",
        weight: 1,
        postal: AR_CPA("B", 1900, 1906),
        mobile: ["+549221"],
      },
      {
        name: "Mar del Plata",
        region: "Buenos Aires",
        weight: 1,
        postal: AR_CPA("B", 7600, 7608),
        mobile: ["+549223"],
      },
      {
        name: "Córdoba",
        region: "Córdoba",
        weight: 2,
        postal: AR_CPA("X", 5000, 5022),
        mobile: ["+549351"],
      },
      {
        name: "Rosario",
        region: "Santa Fe",
        weight: 2,
        postal: AR_CPA("S", 2000, 2013),
        mobile: ["+549341"],
      },
      {
        name: "Mendoza",
        region: "Mendoza",
        weight: 1,
        postal: AR_CPA("M", 5500, 5515),
        mobile: ["+549261"],
      },
    ],
    streets: [
      "Avenida Corrientes",
      "Avenida Santa Fe",
      "Avenida Rivadavia",
      "Calle Lavalle",
      "Avenida Belgrano",
      "Calle Tucumán",
      "Calle San Martín",
      "Calle Sarmiento",
      "Avenida Colón",
      "Calle Italia",
    ],
    line1: withFlat(streetFirst, AR_FLAT),
    mobile: ["+54911"],
    mobileLength: 13,
    given: SPANISH_GIVEN,
    surnames: SPANISH_SURNAMES,
  },
  {
    iso2: "DE",
    weight: 14,
    cities: [
      { name: "Berlin", weight: 2, postal: range(10115, 14199, 5) },
      { name: "München", weight: 2, postal: range(80331, 81929, 5) },
      { name: "Stuttgart", weight: 2, postal: range(70173, 70629, 5) },
      { name: "Köln", weight: 2, postal: range(50667, 51149, 5) },
      { name: "Frankfurt am Main", weight: 2, postal: range(60306, 60599, 5) },
      { name: "Wolfsburg", weight: 1, postal: range(38440, 38448, 5) },
      { name: "Mannheim", weight: 1, postal: range(68159, 68309, 5) },
      { name: "Ludwigshafen am Rhein", weight: 1, postal: range(67059, 67071, 5) },
    ],
    streets: [
      "Hauptstraße",
      "Bahnhofstraße",
      "Goethestraße",
      "Schillerstraße",
      "Königstraße",
      "Lindenstraße",
      "Gartenstraße",
      "Friedrichstraße",
      "Mühlenweg",
      "Am Marktplatz",
    ],
    line1: streetFirst,
    mobile: ["+49151", "+49152", "+49160", "+49170", "+49171", "+49176", "+49172"],
    mobileLength: 13,
    given: GERMAN_GIVEN,
    surnames: GERMAN_SURNAMES,
  },
  {
    iso2: "BR",
    weight: 12,
    cities: [
      {
        name: "São Paulo",
        region: "SP",
        weight: 5,
        postal: BR_CEP(1000, 5999),
        mobile: ["+55119"],
      },
      {
        name: "Rio de Janeiro",
        region: "RJ",
        weight: 2,
        postal: BR_CEP(20000, 23799),
        mobile: ["+55219"],
      },
      {
        name: "Belo Horizonte",
        region: "MG",
        weight: 1,
        postal: BR_CEP(30000, 31999),
        mobile: ["+55319"],
      },
      {
        name: "Porto Alegre",
        region: "RS",
        weight: 1,
        postal: BR_CEP(90000, 91999),
        mobile: ["+55519"],
      },
      {
        name: "Curitiba",
        region: "PR",
        weight: 1,
        postal: BR_CEP(80000, 82999),
        mobile: ["+55419"],
      },
      {
        name: "Caxias do Sul",
        region: "RS",
        weight: 1,
        postal: BR_CEP(95000, 95129),
        mobile: ["+55549"],
      },
    ],
    streets: [
      "Rua Augusta",
      "Avenida Paulista",
      "Rua da Consolação",
      "Rua das Flores",
      "Rua XV de Novembro",
      "Rua Sete de Setembro",
      "Avenida Brasil",
      "Rua Marechal Deodoro",
      "Rua Garibaldi",
      "Avenida Itália",
    ],
    line1: withFlat(streetFirstComma, BR_FLAT),
    mobile: ["+55119"],
    mobileLength: 13,
    given: PORTUGUESE_GIVEN,
    surnames: PORTUGUESE_SURNAMES,
  },
  {
    iso2: "CH",
    weight: 12,
    cities: [
      { name: "Zürich", weight: 3, postal: range(8001, 8057, 4) },
      { name: "Basel", weight: 2, postal: range(4051, 4059, 4) },
      { name: "Bern", weight: 1, postal: range(3005, 3027, 4) },
      {
        name: "Lugano",
        weight: 2,
        postal: range(6900, 6917, 4),
        streets: ["Via Nassa", "Via Pretorio", "Corso Elvezia", "Via Cantonale", "Via Soave"],
      },
      {
        name: "Genève",
        weight: 2,
        postal: range(1201, 1209, 4),
        streets: [
          "Rue du Rhône",
          "Rue de Carouge",
          "Boulevard Carl-Vogt",
          "Rue de Lausanne",
          "Avenue de France",
        ],
      },
      {
        name: "Lausanne",
        weight: 1,
        postal: range(1003, 1018, 4),
        streets: ["Avenue de la Gare", "Rue de Bourg", "Chemin de Bellerive", "Avenue d'Ouchy"],
      },
    ],
    streets: [
      "Bahnhofstrasse",
      "Langstrasse",
      "Seestrasse",
      "Dorfstrasse",
      "Kirchgasse",
      "Badenerstrasse",
      "Feldstrasse",
    ],
    line1: streetFirst,
    mobile: ["+4179", "+4178", "+4176", "+4177"],
    mobileLength: 11,
    given: { M: [...GERMAN_GIVEN.M, ...FRENCH_GIVEN.M], F: [...GERMAN_GIVEN.F, ...FRENCH_GIVEN.F] },
  },
  {
    iso2: "FR",
    weight: 9,
    cities: [
      { name: "Paris", weight: 4, postal: (r) => `750${pad(r.int(1, 20), 2)}` },
      { name: "Lyon", weight: 2, postal: (r) => `6900${r.int(1, 9)}` },
      { name: "Marseille", weight: 2, postal: (r) => `130${pad(r.int(1, 16), 2)}` },
      { name: "Nice", weight: 1, postal: oneOf("06000", "06100", "06200", "06300") },
      { name: "Grenoble", weight: 1, postal: oneOf("38000", "38100") },
      { name: "Metz", weight: 1, postal: oneOf("57000", "57050", "57070") },
    ],
    streets: [
      "rue de la République",
      "avenue Jean Jaurès",
      "boulevard Voltaire",
      "rue Victor Hugo",
      "rue Paradis",
      "avenue de la Libération",
      "rue du Faubourg Saint-Antoine",
      "rue Garibaldi",
    ],
    line1: numberFirst,
    mobile: ["+336", "+337"],
    mobileLength: 11,
    given: FRENCH_GIVEN,
    surnames: FRENCH_SURNAMES,
  },
  {
    iso2: "GB",
    weight: 8,
    cities: [
      {
        name: "London",
        weight: 5,
        postal: GB_POSTAL("EC1R", "N1", "NW3", "SW6", "W2", "E14", "SE1"),
      },
      { name: "Manchester", weight: 1, postal: GB_POSTAL("M1", "M14", "M20") },
      { name: "Bedford", weight: 2, postal: GB_POSTAL("MK40", "MK41", "MK42") },
      { name: "Glasgow", weight: 1, postal: GB_POSTAL("G1", "G12", "G41") },
      { name: "Edinburgh", weight: 1, postal: GB_POSTAL("EH1", "EH3", "EH6") },
    ],
    streets: [
      "High Street",
      "Station Road",
      "Church Lane",
      "Victoria Road",
      "Green Lane",
      "Manor Road",
      "Park Avenue",
      "King Street",
    ],
    line1: withFlat(numberFirst, (r) => `Flat ${r.int(1, 12)}`, 0.3),
    mobile: ["+4477", "+4478", "+4479", "+44740", "+44750"],
    mobileLength: 12,
    given: ENGLISH_GIVEN,
    surnames: ENGLISH_SURNAMES,
  },
  {
    iso2: "US",
    weight: 8,
    cities: [
      {
        name: "New York",
        region: "NY",
        weight: 3,
        postal: range(10001, 10040, 5),
        mobile: ["+1212", "+1646", "+1917"],
      },
      {
        name: "Brooklyn",
        region: "NY",
        weight: 2,
        postal: range(11201, 11239, 5),
        mobile: ["+1718", "+1347"],
      },
      {
        name: "Boston",
        region: "MA",
        weight: 1,
        postal: range(2108, 2136, 5),
        mobile: ["+1617", "+1857"],
      },
      {
        name: "Philadelphia",
        region: "PA",
        weight: 1,
        postal: range(19102, 19154, 5),
        mobile: ["+1215", "+1267"],
      },
      {
        name: "Chicago",
        region: "IL",
        weight: 1,
        postal: range(60601, 60661, 5),
        mobile: ["+1312", "+1773"],
      },
      {
        name: "San Francisco",
        region: "CA",
        weight: 1,
        postal: range(94102, 94134, 5),
        mobile: ["+1415"],
      },
      {
        name: "Los Angeles",
        region: "CA",
        weight: 1,
        postal: range(90001, 90068, 5),
        mobile: ["+1213", "+1310", "+1323"],
      },
      {
        name: "Newark",
        region: "NJ",
        weight: 1,
        postal: range(7102, 7114, 5),
        mobile: ["+1973", "+1862"],
      },
    ],
    streets: [
      "Main Street",
      "Oak Avenue",
      "Elm Street",
      "Broadway",
      "Maple Avenue",
      "Washington Street",
      "Park Avenue",
      "Mulberry Street",
    ],
    line1: withFlat(numberFirst, US_FLAT, 0.35),
    mobile: ["+1212"],
    mobileLength: 11,
    given: ENGLISH_GIVEN,
    surnames: ENGLISH_SURNAMES,
  },
  {
    iso2: "BE",
    weight: 6,
    cities: [
      {
        name: "Bruxelles",
        weight: 3,
        postal: oneOf("1000", "1030", "1040", "1050", "1060", "1070", "1080", "1180", "1190"),
      },
      {
        name: "Charleroi",
        weight: 2,
        postal: oneOf("6000", "6001", "6010", "6020", "6030", "6040", "6060"),
      },
      { name: "Liège", weight: 2, postal: oneOf("4000", "4020", "4030") },
      { name: "La Louvière", weight: 1, postal: oneOf("7100") },
      { name: "Mons", weight: 1, postal: oneOf("7000") },
      {
        name: "Genk",
        weight: 1,
        postal: oneOf("3600"),
        streets: ["Stationsstraat", "Hasseltweg", "Vennestraat", "Weg naar As"],
      },
    ],
    streets: [
      "Rue Neuve",
      "Rue de la Station",
      "Chaussée de Bruxelles",
      "Rue de l'Église",
      "Avenue Louise",
      "Rue Saint-Gilles",
      "Boulevard Tirou",
    ],
    line1: streetFirst,
    mobile: ["+32470", "+32472", "+32475", "+32476", "+32486", "+32496", "+32497"],
    mobileLength: 11,
    given: FRENCH_GIVEN,
    surnames: FRENCH_SURNAMES,
  },
  {
    iso2: "ES",
    weight: 5,
    cities: [
      { name: "Madrid", weight: 3, postal: range(28001, 28055, 5) },
      {
        name: "Barcelona",
        weight: 3,
        postal: range(8001, 8042, 5),
        streets: ["Carrer de Balmes", "Passeig de Gràcia", "Carrer de Mallorca", "Carrer d'Aragó"],
      },
      { name: "Valencia", weight: 1, postal: range(46001, 46026, 5) },
      { name: "Málaga", weight: 1, postal: range(29001, 29018, 5) },
      { name: "Palma", weight: 1, postal: range(7001, 7015, 5) },
    ],
    streets: [
      "Calle Mayor",
      "Calle de Alcalá",
      "Gran Vía",
      "Calle Larios",
      "Avenida del Puerto",
      "Calle de Serrano",
      "Calle Real",
    ],
    line1: withFlat(streetFirstComma, ES_FLAT, 0.6),
    mobile: ["+346"],
    mobileLength: 11,
    given: SPANISH_GIVEN,
    surnames: SPANISH_SURNAMES,
  },
  {
    iso2: "AU",
    weight: 5,
    cities: [
      {
        name: "Sydney",
        region: "NSW",
        weight: 2,
        postal: range(2000, 2050, 4),
        streets: ["Norton Street", "George Street", "Great North Road", "Parramatta Road"],
      },
      {
        name: "Melbourne",
        region: "VIC",
        weight: 3,
        postal: range(3000, 3068, 4),
        streets: ["Lygon Street", "Sydney Road", "Brunswick Street", "Collins Street"],
      },
      {
        name: "Adelaide",
        region: "SA",
        weight: 1,
        postal: range(5000, 5095, 4),
        streets: ["King William Street", "Rundle Street", "Magill Road"],
      },
      {
        name: "Perth",
        region: "WA",
        weight: 1,
        postal: range(6000, 6065, 4),
        streets: ["Hay Street", "William Street", "Beaufort Street"],
      },
      {
        name: "Brisbane",
        region: "QLD",
        weight: 1,
        postal: range(4000, 4067, 4),
        streets: ["Queen Street", "Brunswick Street", "Wickham Terrace"],
      },
    ],
    streets: ["High Street"],
    line1: withFlat(numberFirst, (r) => `Unit ${r.int(1, 30)}`, 0.25),
    mobile: ["+614"],
    mobileLength: 11,
    given: ENGLISH_GIVEN,
    surnames: ENGLISH_SURNAMES,
  },
  {
    iso2: "CA",
    weight: 5,
    cities: [
      {
        name: "Toronto",
        region: "ON",
        weight: 3,
        postal: CA_POSTAL("M6H", "M6G", "M5V", "M9V", "M6E"),
        mobile: ["+1416", "+1647"],
        streets: ["College Street", "St. Clair Avenue West", "Yonge Street", "Queen Street West"],
      },
      {
        name: "Montréal",
        region: "QC",
        weight: 2,
        postal: CA_POSTAL("H1R", "H1P", "H2R", "H2S", "H3A"),
        mobile: ["+1514", "+1438"],
        streets: [
          "rue Jean-Talon Est",
          "boulevard Saint-Laurent",
          "rue Saint-Denis",
          "boulevard Lacordaire",
        ],
      },
      {
        name: "Vancouver",
        region: "BC",
        weight: 1,
        postal: CA_POSTAL("V5K", "V5L", "V6B"),
        mobile: ["+1604", "+1778"],
        streets: ["Commercial Drive", "Hastings Street", "Main Street"],
      },
      {
        name: "Hamilton",
        region: "ON",
        weight: 1,
        postal: CA_POSTAL("L8L", "L8P", "L9A"),
        mobile: ["+1905", "+1289"],
        streets: ["James Street North", "King Street East", "Barton Street"],
      },
      {
        name: "Ottawa",
        region: "ON",
        weight: 1,
        postal: CA_POSTAL("K1R", "K1S", "K2P"),
        mobile: ["+1613", "+1343"],
        streets: ["Preston Street", "Bank Street", "Elgin Street"],
      },
    ],
    streets: ["Main Street"],
    line1: withFlat(numberFirst, US_FLAT, 0.2),
    mobile: ["+1416"],
    mobileLength: 11,
    given: {
      M: [...ENGLISH_GIVEN.M, ...FRENCH_GIVEN.M],
      F: [...ENGLISH_GIVEN.F, ...FRENCH_GIVEN.F],
    },
    surnames: ENGLISH_SURNAMES,
  },
  {
    iso2: "VE",
    weight: 3,
    cities: [
      {
        name: "Caracas",
        region: "Distrito Capital",
        weight: 3,
        postal: oneOf("1010", "1040", "1050", "1060", "1071", "1080"),
      },
      { name: "Valencia", region: "Carabobo", weight: 1, postal: range(2001, 2008, 4) },
      { name: "Maracaibo", region: "Zulia", weight: 1, postal: range(4001, 4005, 4) },
      { name: "Maracay", region: "Aragua", weight: 1, postal: range(2101, 2105, 4) },
    ],
    streets: [
      "Avenida Francisco de Miranda",
      "Avenida Libertador",
      "Calle Los Mangos",
      "Avenida Urdaneta",
      "Calle Real de Sabana Grande",
    ],
    line1: withFlat(
      streetFirst,
      (r) =>
        `Edificio ${r.pick(["Roma", "Venezia", "Las Acacias", "El Parque"])}, Piso ${r.int(1, 12)}`,
      0.5,
    ),
    mobile: ["+58412", "+58414", "+58424", "+58416"],
    mobileLength: 12,
    given: SPANISH_GIVEN,
    surnames: SPANISH_SURNAMES,
  },
  {
    iso2: "UY",
    weight: 3,
    cities: [
      { name: "Montevideo", region: "Montevideo", weight: 4, postal: (r) => `11${r.int(1, 8)}00` },
      { name: "Punta del Este", region: "Maldonado", weight: 1, postal: oneOf("20100") },
      { name: "Colonia del Sacramento", region: "Colonia", weight: 1, postal: oneOf("70000") },
    ],
    streets: [
      "Avenida 18 de Julio",
      "Bulevar Artigas",
      "Calle Sarandí",
      "Avenida Italia",
      "Calle Colonia",
    ],
    line1: withFlat(streetFirst, (r) => `Apto. ${r.int(1, 12)}0${r.int(1, 4)}`),
    mobile: ["+59891", "+59894", "+59898", "+59899"],
    mobileLength: 11,
    given: SPANISH_GIVEN,
    surnames: SPANISH_SURNAMES,
  },
  {
    iso2: "NL",
    weight: 2,
    cities: [
      { name: "Amsterdam", weight: 2, postal: NL_POSTAL(1011, 1109) },
      { name: "Rotterdam", weight: 1, postal: NL_POSTAL(3011, 3089) },
      { name: "Den Haag", weight: 1, postal: NL_POSTAL(2511, 2599) },
      { name: "Utrecht", weight: 1, postal: NL_POSTAL(3511, 3585) },
    ],
    streets: [
      "Kalverstraat",
      "Prinsengracht",
      "Coolsingel",
      "Oudegracht",
      "Lange Voorhout",
      "Kerkstraat",
    ],
    line1: streetFirst,
    mobile: ["+316"],
    mobileLength: 11,
  },
  {
    iso2: "AT",
    weight: 2,
    cities: [
      { name: "Wien", weight: 3, postal: (r) => `1${pad(r.int(1, 23), 2)}0` },
      { name: "Innsbruck", weight: 1, postal: oneOf("6020") },
      { name: "Graz", weight: 1, postal: oneOf("8010", "8020") },
      { name: "Salzburg", weight: 1, postal: oneOf("5020") },
    ],
    streets: [
      "Mariahilfer Straße",
      "Landstraßer Hauptstraße",
      "Herrengasse",
      "Bahnhofstraße",
      "Praterstraße",
      "Hauptplatz",
    ],
    line1: streetFirst,
    mobile: ["+43664", "+43676", "+43650", "+43660"],
    mobileLength: 12,
    given: GERMAN_GIVEN,
    surnames: GERMAN_SURNAMES,
  },
  {
    iso2: "CL",
    weight: 2,
    cities: [
      {
        name: "Santiago",
        region: "Región Metropolitana",
        weight: 3,
        postal: (r) => `75${r.int(0, 6)}${r.digits(4)}`,
      },
      {
        name: "Valparaíso",
        region: "Valparaíso",
        weight: 1,
        postal: (r) => `23${r.int(4, 9)}${r.digits(4)}`,
      },
      {
        name: "Concepción",
        region: "Biobío",
        weight: 1,
        postal: (r) => `40${r.int(3, 9)}${r.digits(4)}`,
      },
    ],
    streets: [
      "Avenida Providencia",
      "Avenida Apoquindo",
      "Calle Huérfanos",
      "Avenida Vitacura",
      "Calle Condell",
    ],
    line1: withFlat(streetFirst, (r) => `Depto. ${r.int(1, 20)}0${r.int(1, 6)}`),
    mobile: ["+569"],
    mobileLength: 11,
    given: SPANISH_GIVEN,
    surnames: SPANISH_SURNAMES,
  },
  {
    iso2: "PE",
    weight: 1.5,
    cities: [
      {
        name: "Lima",
        region: "Lima",
        weight: 3,
        postal: oneOf("15074", "15073", "15076", "15023", "15038", "15072", "15024", "15046"),
      },
      { name: "Arequipa", region: "Arequipa", weight: 1, postal: range(4001, 4017, 5) },
      { name: "Callao", region: "Callao", weight: 1, postal: range(7001, 7041, 5) },
    ],
    streets: [
      "Avenida José Larco",
      "Jirón de la Unión",
      "Avenida Arequipa",
      "Calle Schell",
      "Avenida Benavides",
    ],
    line1: streetFirst,
    mobile: ["+519"],
    mobileLength: 11,
    given: SPANISH_GIVEN,
    surnames: SPANISH_SURNAMES,
  },
  {
    iso2: "ZA",
    weight: 1.5,
    cities: [
      { name: "Johannesburg", weight: 2, postal: oneOf("2001", "2196", "2193", "2094") },
      { name: "Cape Town", weight: 2, postal: oneOf("8001", "8005", "7700", "7800") },
      { name: "Durban", weight: 1, postal: oneOf("4001", "4051") },
      { name: "Pretoria", weight: 1, postal: oneOf("0002", "0181", "0083") },
    ],
    streets: ["Jan Smuts Avenue", "Long Street", "Main Road", "Florida Road", "Church Street"],
    line1: numberFirst,
    mobile: ["+2782", "+2772", "+2783", "+2761", "+2784"],
    mobileLength: 11,
    given: ENGLISH_GIVEN,
    surnames: ENGLISH_SURNAMES,
  },
  {
    iso2: "LU",
    weight: 1.5,
    cities: [
      { name: "Luxembourg", weight: 3, postal: (r) => `L-${r.int(1009, 2999)}` },
      { name: "Esch-sur-Alzette", weight: 2, postal: (r) => `L-${r.int(4001, 4499)}` },
      { name: "Differdange", weight: 1, postal: (r) => `L-${r.int(4501, 4599)}` },
      { name: "Dudelange", weight: 1, postal: (r) => `L-${r.int(3401, 3499)}` },
    ],
    streets: [
      "rue de la Gare",
      "avenue de la Liberté",
      "rue de l'Alzette",
      "boulevard Royal",
      "rue du Brill",
    ],
    line1: numberCommaFirst,
    mobile: ["+352621", "+352661", "+352691"],
    mobileLength: 12,
    given: FRENCH_GIVEN,
    surnames: FRENCH_SURNAMES,
  },
  {
    iso2: "SE",
    weight: 1,
    cities: [
      { name: "Stockholm", weight: 2, postal: (r) => `11${r.int(1, 8)} ${r.digits(2)}` },
      { name: "Göteborg", weight: 1, postal: (r) => `41${r.int(1, 8)} ${r.digits(2)}` },
      { name: "Malmö", weight: 1, postal: (r) => `21${r.int(1, 7)} ${r.digits(2)}` },
    ],
    streets: ["Drottninggatan", "Kungsgatan", "Storgatan", "Sveavägen", "Götgatan"],
    line1: streetFirst,
    mobile: ["+4670", "+4672", "+4673", "+4676"],
    mobileLength: 11,
    given: { M: ["Björn", "Lars", "Mikael", "Johan"], F: ["Åsa", "Karin", "Ingrid", "Linnéa"] },
  },
  {
    iso2: "MX",
    weight: 1.5,
    cities: [
      {
        name: "Ciudad de México",
        region: "Ciudad de México",
        weight: 3,
        postal: oneOf("06700", "03100", "11000", "04000", "06600"),
        mobile: ["+5255"],
      },
      {
        name: "Guadalajara",
        region: "Jalisco",
        weight: 1,
        postal: range(44100, 44990, 5),
        mobile: ["+5233"],
      },
      {
        name: "Monterrey",
        region: "Nuevo León",
        weight: 1,
        postal: range(64000, 64999, 5),
        mobile: ["+5281"],
      },
    ],
    streets: [
      "Calle Colima",
      "Avenida Insurgentes Sur",
      "Calle Durango",
      "Avenida Chapultepec",
      "Calle Orizaba",
    ],
    line1: withFlat(
      streetFirst,
      (r) => `Col. ${r.pick(["Roma Norte", "Del Valle", "Condesa", "Centro", "Polanco"])}`,
      0.7,
    ),
    mobile: ["+5255"],
    mobileLength: 12,
    given: SPANISH_GIVEN,
    surnames: SPANISH_SURNAMES,
  },
  {
    iso2: "CO",
    weight: 1,
    cities: [
      {
        name: "Bogotá",
        region: "Bogotá D.C.",
        weight: 3,
        postal: (r) => `110${r.int(1, 9)}${r.int(1, 4)}${r.int(1, 9)}`,
      },
      {
        name: "Medellín",
        region: "Antioquia",
        weight: 1,
        postal: (r) => `0500${pad(r.int(1, 50), 2)}`,
      },
      {
        name: "Cali",
        region: "Valle del Cauca",
        weight: 1,
        postal: (r) => `7600${pad(r.int(1, 46), 2)}`,
      },
      {
        name: "Barranquilla",
        region: "Atlántico",
        weight: 1,
        postal: (r) => `0800${pad(r.int(1, 20), 2)}`,
      },
    ],
    streets: ["Carrera", "Calle"],
    line1: (r, street) => ({
      line1: `${street} ${r.int(1, 120)} # ${r.int(1, 99)}-${r.int(1, 99)}`,
    }),
    mobile: ["+57300", "+57310", "+57311", "+57312", "+57315", "+57320"],
    mobileLength: 12,
    given: SPANISH_GIVEN,
    surnames: SPANISH_SURNAMES,
  },
  {
    iso2: "MA",
    weight: 1,
    cities: [
      { name: "Casablanca", weight: 3, postal: oneOf("20000", "20050", "20100", "20250", "20070") },
      { name: "Rabat", weight: 1, postal: oneOf("10000", "10020", "10090") },
      { name: "Marrakech", weight: 1, postal: oneOf("40000", "40040") },
      { name: "Tanger", weight: 1, postal: oneOf("90000", "90010") },
    ],
    streets: [
      "Boulevard Mohammed V",
      "Rue Tarik Ibn Ziad",
      "Avenue Hassan II",
      "Boulevard Zerktouni",
      "Rue d'Italie",
    ],
    line1: numberCommaFirst,
    mobile: ["+2126", "+2127"],
    mobileLength: 12,
    given: FRENCH_GIVEN,
  },
  {
    iso2: "IE",
    weight: 1,
    cities: [
      { name: "Dublin", weight: 3, postal: IE_POSTAL("D01", "D02", "D04", "D06", "D08", "D6W") },
      { name: "Cork", weight: 1, postal: IE_POSTAL("T12", "T23") },
      { name: "Galway", weight: 1, postal: IE_POSTAL("H91") },
    ],
    streets: ["Parnell Street", "Main Street", "Dorset Street", "Patrick Street", "Shop Street"],
    line1: numberFirst,
    mobile: ["+35383", "+35385", "+35386", "+35387"],
    mobileLength: 12,
    given: ENGLISH_GIVEN,
    surnames: ENGLISH_SURNAMES,
  },
  {
    iso2: "PT",
    weight: 1,
    cities: [
      { name: "Lisboa", weight: 2, postal: (r) => `${r.int(1000, 1998)}-${r.digits(3)}` },
      { name: "Porto", weight: 1, postal: (r) => `${r.int(4000, 4369)}-${r.digits(3)}` },
    ],
    streets: [
      "Rua Augusta",
      "Avenida da Liberdade",
      "Rua de Santa Catarina",
      "Rua do Ouro",
      "Avenida da República",
    ],
    line1: withFlat(streetFirstComma, (r) => `${r.int(1, 6)}º ${r.pick(["Esq.", "Dto."])}`, 0.6),
    mobile: ["+35191", "+35193", "+35196"],
    mobileLength: 12,
    given: PORTUGUESE_GIVEN,
    surnames: PORTUGUESE_SURNAMES,
  },
];

const ITALY: Country = {
  iso2: "IT",
  weight: 0,
  cities: [
    { name: "Roma", region: "RM", weight: 1, postal: range(118, 199, 5) },
    { name: "Milano", region: "MI", weight: 1, postal: range(20121, 20162, 5) },
    { name: "Napoli", region: "NA", weight: 1, postal: range(80121, 80147, 5) },
    { name: "Torino", region: "TO", weight: 1, postal: range(10121, 10156, 5) },
    { name: "Palermo", region: "PA", weight: 1, postal: range(90121, 90151, 5) },
  ],
  streets: [
    "Via Roma",
    "Via Garibaldi",
    "Corso Vittorio Emanuele II",
    "Via Mazzini",
    "Via Cavour",
    "Piazza Dante",
  ],
  line1: streetFirstComma,
  mobile: ["+39333", "+39347", "+39320", "+39338", "+39349"],
  mobileLength: 12,
};

const COUNTRY_BY_ISO = new Map(COUNTRIES.map((c) => [c.iso2, c]));

function country(iso2: string): Country {
  const c = iso2 === "IT" ? ITALY : COUNTRY_BY_ISO.get(iso2);
  if (!c) throw new Error(`no demo profile for ${iso2}`);
  return c;
}

/** ISO codes of the countries the demo archive places people in (Italy aside). */
export const DEMO_COUNTRIES: readonly string[] = COUNTRIES.map((c) => c.iso2);

// ---------------------------------------------------------------------------------------
// People

const SURNAMES = [
  "Rossi",
  "Russo",
  "Ferrari",
  "Esposito",
  "Bianchi",
  "Romano",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
  "Bruno",
  "Gallo",
  "Conti",
  "De Luca",
  "Mancini",
  "Costa",
  "Giordano",
  "Rizzo",
  "Lombardi",
  "Moretti",
  "Barbieri",
  "Fontana",
  "Santoro",
  "Mariani",
  "Rinaldi",
  "Caruso",
  "Ferrara",
  "Galli",
  "Martini",
  "Leone",
  "Longo",
  "Gentile",
  "Martinelli",
  "Vitale",
  "Lombardo",
  "Serra",
  "Coppola",
  "De Santis",
  "D'Angelo",
  "Marchetti",
  "Parisi",
  "Villa",
  "Conte",
  "Ferraro",
  "Ferri",
  "Fabbri",
  "Bianco",
  "Marini",
  "Grasso",
  "Valentini",
  "Messina",
  "Sala",
  "De Angelis",
  "Gatti",
  "Pellegrini",
  "Palumbo",
  "Sanna",
  "Farina",
  "Rizzi",
  "Monti",
  "Cattaneo",
  "Morelli",
  "Amato",
  "Silvestri",
  "Mazza",
  "Testa",
  "Grassi",
  "Pellegrino",
  "Carbone",
  "Giuliani",
  "D'Amico",
  "D'Alessandro",
  "D'Agostino",
  "Dell'Oro",
  "Dall'Ara",
  "Dell'Aquila",
  "Lo Presti",
  "La Rosa",
  "Di Stefano",
  "Lo Russo",
  "Di Pietro",
  "De Rosa",
  "Sorrentino",
  "Scordo",
  "Pirrò",
  "Gallò",
  "Mosè",
  "Tripodi",
  "Zappia",
  "Morabito",
  "Cusumano",
  "Ingrassia",
  "Scalia",
  "Zanetti",
  "Zanin",
  "De Marchi",
  "Pavan",
  "Visentin",
  "Tonon",
  "Furlan",
  "Di Giacomo",
  "Iannone",
  "Ciccone",
  "Di Nardo",
  "Colangelo",
  "Petrucci",
  "Lupo",
  "Cirillo",
  "Iacono",
  "Capuano",
] as const;

const GIVEN = {
  M: [
    "Giuseppe",
    "Giovanni",
    "Antonio",
    "Mario",
    "Francesco",
    "Luigi",
    "Angelo",
    "Vincenzo",
    "Pietro",
    "Salvatore",
    "Carlo",
    "Franco",
    "Domenico",
    "Bruno",
    "Paolo",
    "Michele",
    "Giorgio",
    "Aldo",
    "Sergio",
    "Luciano",
    "Roberto",
    "Marco",
    "Andrea",
    "Stefano",
    "Alessandro",
    "Luca",
    "Massimo",
    "Nicola",
    "Niccolò",
    "Gianluca",
    "Gianfranco",
    "Pier Paolo",
    "Carmine",
    "Rocco",
    "Gennaro",
    "Raffaele",
    "Matteo",
    "Davide",
    "Fabrizio",
    "Cosimo",
    "Emanuele",
    "Gian Maria",
    "Tommaso",
    "Gaetano",
    "Nicolò",
    "Filippo",
  ],
  F: [
    "Maria",
    "Anna",
    "Giuseppina",
    "Rosa",
    "Angela",
    "Giovanna",
    "Teresa",
    "Lucia",
    "Carmela",
    "Caterina",
    "Francesca",
    "Antonietta",
    "Carla",
    "Rita",
    "Franca",
    "Paola",
    "Laura",
    "Daniela",
    "Elena",
    "Silvia",
    "Giulia",
    "Chiara",
    "Federica",
    "Valentina",
    "Sara",
    "Maria Grazia",
    "Anna Maria",
    "Rosaria",
    "Concetta",
    "Assunta",
    "Immacolata",
    "Nicoletta",
    "Lucrezia",
    "Noemi",
    "Marisa",
    "Graziella",
  ],
} as const;

/** Italian municipalities of birth, weighted towards the regions of mass emigration. */
const BIRTH_MUNICIPALITIES: readonly { code: string; weight: number }[] = [
  ["H501", 3],
  ["F205", 2],
  ["F839", 4],
  ["L219", 2],
  ["G273", 4],
  ["C351", 3],
  ["F158", 3],
  ["H224", 3],
  ["D086", 3],
  ["C352", 2],
  ["A662", 3],
  ["L049", 2],
  ["E506", 2],
  ["B180", 1],
  ["D643", 2],
  ["A345", 2],
  ["G482", 1],
  ["C632", 2],
  ["L103", 1],
  ["I804", 2],
  ["L424", 1],
  ["L483", 3],
  ["L736", 1],
  ["L781", 1],
  ["L840", 2],
  ["G224", 1],
  ["L407", 3],
  ["A757", 2],
  ["D969", 1],
  ["A944", 1],
  ["D612", 1],
  ["E715", 2],
  ["B354", 2],
  ["I452", 1],
  ["A509", 2],
  ["A783", 2],
  ["H703", 2],
  ["B963", 1],
  ["B519", 2],
  ["E335", 2],
  ["G942", 2],
  ["F052", 1],
  ["A794", 1],
  ["B157", 1],
  ["A089", 3],
  ["L331", 2],
  ["C342", 2],
  ["B429", 2],
  ["H163", 1],
  ["I754", 1],
  ["H919", 2],
  ["I838", 2],
  ["D810", 1],
  ["C034", 1],
  ["G888", 1],
  ["D962", 2],
  ["D530", 2],
  ["F537", 2],
  ["D122", 1],
  ["A225", 1],
  ["A515", 1],
  ["E435", 1],
  ["E372", 1],
  ["I199", 1],
  ["E573", 2],
  ["B602", 2],
  ["A546", 1],
  ["G624", 1],
  ["H312", 1],
  ["B858", 1],
  ["A080", 1],
  ["G271", 1],
  ["G793", 1],
  ["G226", 1],
  ["F573", 1],
  ["E889", 1],
  ["I904", 1],
  ["C758", 1],
  ["L195", 1],
  ["G831", 1],
  ["L565", 1],
  ["A465", 1],
  ["M208", 2],
  ["G317", 1],
  ["L452", 1],
  ["E044", 1],
  ["E340", 1],
  ["A028", 1],
].map(([code, weight]) => ({ code: String(code), weight: Number(weight) }));

/** Birth countries of Italians born abroad who live elsewhere: earlier emigration waves. */
const EARLIER_WAVE = ["VE", "AR", "BR", "CH", "DE", "FR", "BE", "UY", "US", "CA"] as const;
/** Former colonies and old Italian communities, for people born before 1970. */
const OLD_COMMUNITIES = ["LY", "TN", "EG", "ER", "ET", "SO"] as const;

const EMPLOYERS = [
  "Officine Meccaniche Subalpine S.p.A.",
  "Acciaierie del Tirreno S.p.A.",
  "Cantiere Navale Adriatico S.p.A.",
  "Tessitura Biellese Riunita S.p.A.",
  "Edilizia Meridionale S.r.l.",
  "Impresa Edile F.lli Russo S.n.c.",
  "Cooperativa Agricola San Michele",
  "Oleificio del Sud S.n.c.",
  "Calzaturificio Marchigiano S.r.l.",
  "Elettromeccanica Lombarda S.p.A.",
  "Mobilificio Brianza S.r.l.",
  "Ceramiche Emiliane S.p.A.",
  "Trasporti Veloci Padani S.r.l.",
  "Pastificio Campano S.p.A.",
  "Conservificio Salernitano S.p.A.",
  "Zuccherificio Veneto S.p.A.",
  "Industria Chimica Ligure S.p.A.",
  "Albergo Bellavista S.a.s.",
  "Trattoria Da Gino di Esposito G.",
  "Cartiera del Friuli S.p.A.",
  "Vetreria Toscana S.r.l.",
  "Miniere Sarde Riunite S.p.A.",
  "Autolinee Calabresi S.r.l.",
  "Banca Popolare del Mezzogiorno",
] as const;

/** Rough yearly pay in euro for a full year of work, to give contributions plausible sizes. */
const WAGE_ANCHORS: readonly (readonly [number, number])[] = [
  [1950, 150],
  [1955, 250],
  [1960, 400],
  [1965, 650],
  [1970, 1000],
  [1975, 2000],
  [1980, 4500],
  [1985, 8500],
  [1990, 12000],
  [1995, 15000],
  [2000, 17500],
  [2005, 20000],
  [2010, 22500],
  [2015, 24000],
  [2020, 25000],
  [2026, 27500],
];

function yearlyWage(year: number): number {
  let prev = WAGE_ANCHORS[0] ?? [1950, 150];
  for (const anchor of WAGE_ANCHORS) {
    if (year <= anchor[0]) {
      const span = anchor[0] - prev[0];
      return span === 0 ? anchor[1] : prev[1] + ((anchor[1] - prev[1]) * (year - prev[0])) / span;
    }
    prev = anchor;
  }
  return prev[1];
}

function ascii(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function randomDate(r: Rng, fromYear: number, toYear: number): string {
  const year = r.int(fromYear, toYear);
  const month = r.int(1, 12);
  return `${year}-${pad(month, 2)}-${pad(r.int(1, daysIn(year, month)), 2)}`;
}

function ageAt(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

interface Identity {
  surname: string;
  givenNames: string;
  sex: Sex;
  birthDate: string;
  birthPlaceCode: string;
}

interface Extras {
  residence?: PostalAddress;
  mobile?: string | null;
  email?: string | null;
  pec?: string;
  healthCard?: HealthCard | null;
  italianIdOnFile?: boolean;
  /** Year the person left Italy; drives the contribution history. */
  emigrationYear?: number;
}

class Generator {
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

  address(c: Country, cityName?: string): PostalAddress {
    const r = this.r;
    const city = cityName
      ? (c.cities.find((x) => x.name === cityName) ?? c.cities[0])
      : r.weighted(c.cities);
    if (!city) throw new Error(`no cities for ${c.iso2}`);
    const street = r.pick(city.streets ?? c.streets);
    const lines = c.line1(r, street);
    return {
      line1: lines.line1,
      line2: lines.line2,
      city: city.name,
      region: city.region,
      postalCode: city.postal(r),
      country: c.iso2,
    };
  }

  mobile(c: Country, cityName?: string): string {
    const r = this.r;
    const city = c.cities.find((x) => x.name === cityName);
    const prefixes = city?.mobile ?? c.mobile;
    for (let attempt = 0; attempt < 200; attempt++) {
      const prefix = r.pick(prefixes);
      const candidate = prefix + r.digits(c.mobileLength + 1 - prefix.length);
      if (isMobile(candidate, c.iso2)) return candidate;
    }
    throw new Error(`could not make a mobile number for ${c.iso2}`);
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

  contributions(id: Identity, emigrationYear: number | undefined): ContributionPeriod[] {
    const r = this.r;
    const birthYear = Number(id.birthDate.slice(0, 4));
    const periods: ContributionPeriod[] = [];
    let start: number;
    let end: number;
    if (emigrationYear !== undefined) {
      start = birthYear + r.int(15, 20);
      end = Math.min(emigrationYear, 2025);
    } else {
      // Born abroad: some came to Italy for a few years of work.
      if (!r.chance(0.25)) return periods;
      start = birthYear + r.int(20, 30);
      end = Math.min(start + r.int(1, 8), 2025);
    }
    if (start > end) return periods;
    const payFactor = 0.7 + r.next() * 0.8;
    let employer: string = r.pick(EMPLOYERS);
    let kind = "employee";
    const militaryYear =
      id.sex === "M" && birthYear < 1986 && r.chance(0.7) ? birthYear + r.int(19, 21) : -1;
    for (let year = start; year <= end; year++) {
      if (r.chance(0.12)) {
        employer = r.pick(EMPLOYERS);
        kind = r.chance(0.15) ? "self_employed" : "employee";
      }
      if (year === militaryYear) {
        periods.push({
          from: `${year}-01-01`,
          to: `${year}-12-31`,
          employer: "Servizio militare di leva",
          kind: "figurative",
          weeks: 52,
          earningsCents: 0,
        });
        continue;
      }
      const partial = year === start || year === end;
      const fromMonth = partial && year === start ? r.int(1, 9) : 1;
      const toMonth = partial && year === end ? r.int(fromMonth, 12) : 12;
      const weeks = Math.min(52, Math.round(((toMonth - fromMonth + 1) * 52) / 12));
      const euros = (yearlyWage(year) * payFactor * weeks) / 52;
      periods.push({
        from: `${year}-${pad(fromMonth, 2)}-01`,
        to: `${year}-${pad(toMonth, 2)}-${pad(daysIn(year, toMonth), 2)}`,
        employer: kind === "self_employed" ? "Gestione artigiani" : employer,
        kind,
        weeks,
        earningsCents: Math.round(euros * 100),
      });
    }
    return periods;
  }

  pensions(id: Identity, contributions: readonly ContributionPeriod[]): PensionPayment[] {
    const r = this.r;
    if (ageAt(id.birthDate, DEMO_ARCHIVE_DATE) < 67) return [];
    const weeks = contributions.reduce((s, c) => s + c.weeks, 0);
    if (weeks < 52) return [];
    const category = id.sex === "F" && r.chance(0.2) ? "SO" : r.chance(0.05) ? "IO" : "VO";
    // Pro-rata pensions of emigrants are small: a base plus a share per week of work.
    const monthly2024 = Math.min(2600, 95 + weeks * (0.75 + r.next() * 0.35));
    const taxRate = r.chance(0.45) ? 0 : monthly2024 > 1250 ? 0.27 : 0.23;
    const payments: PensionPayment[] = [];
    for (const year of [2024, 2025]) {
      // 2025 includes the statutory indexation (perequazione) of 0.8%.
      const monthly = year === 2024 ? monthly2024 : monthly2024 * 1.008;
      for (let month = 1; month <= 12; month++) {
        // December carries the thirteenth monthly payment (tredicesima).
        const grossCents = Math.round(monthly * (month === 12 ? 2 : 1) * 100);
        const taxCents = Math.round(grossCents * taxRate);
        payments.push({
          month: `${year}-${pad(month, 2)}`,
          grossCents,
          taxCents,
          netCents: grossCents - taxCents,
          category,
        });
      }
    }
    return payments;
  }

  add(id: Identity, residenceCountry: string, extras: Extras = {}): ArchivePerson {
    const r = this.r;
    const c = country(residenceCountry);
    const residence = extras.residence ?? this.address(c);
    const fiscalCode = this.issueFiscalCode(id);
    const contributions = this.contributions(id, extras.emigrationYear);
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
          : (extras.mobile ?? (r.chance(0.92) ? this.mobile(c, residence.city) : undefined)),
      email:
        extras.email === null
          ? undefined
          : (extras.email ?? (r.chance(0.88) ? this.email(id) : undefined)),
      pec: extras.pec,
      contributions,
      pensionPayments: this.pensions(id, contributions),
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
    const c = country(residenceCountry);
    const sex: Sex = r.chance(0.5) ? "F" : "M";
    const birthDate = randomDate(r, 1935, 2000);
    const birthYear = Number(birthDate.slice(0, 4));
    const italianBornP = birthYear < 1965 ? 0.8 : birthYear < 1980 ? 0.5 : 0.3;
    const italianBorn = residenceCountry === "IT" || r.chance(italianBornP);
    let birthPlaceCode: string;
    let givenNames: string;
    let surname: string = r.pick(SURNAMES);
    let emigrationYear: number | undefined;
    if (italianBorn) {
      birthPlaceCode = r.weighted(BIRTH_MUNICIPALITIES).code;
      givenNames = r.pick(GIVEN[sex]);
      emigrationYear = residenceCountry === "IT" ? 2025 : Math.min(birthYear + r.int(18, 40), 2018);
    } else {
      const roll = r.next();
      let birthCountry = residenceCountry;
      if (roll > 0.85 && birthYear < 1970) birthCountry = r.pick(OLD_COMMUNITIES);
      else if (roll > 0.7) birthCountry = r.pick(EARLIER_WAVE);
      birthPlaceCode = belfioreCodeForCountry(birthCountry) ?? "Z600";
      const oldCommunity = (OLD_COMMUNITIES as readonly string[]).includes(birthCountry);
      const local = oldCommunity ? undefined : (COUNTRY_BY_ISO.get(birthCountry)?.given ?? c.given);
      givenNames = local && r.chance(0.6) ? r.pick(local[sex]) : r.pick(GIVEN[sex]);
      const localSurnames = c.surnames;
      if (localSurnames && r.chance(0.1)) surname = r.pick(localSurnames);
    }
    return this.add({ surname, givenNames, sex, birthDate, birthPlaceCode }, residenceCountry, {
      ...extras,
      emigrationYear,
    });
  }
}

function isMobile(e164: string, iso2: string): boolean {
  if (!isValidPhoneNumber(e164)) return false;
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed?.country !== iso2) return false;
  const type = parsed.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}

/** Hand-made people at the top of the archive, for demos and manual tests. */
function addDemoPeople(g: Generator): void {
  const nice: {
    id: Identity;
    country: string;
    residence: PostalAddress;
    mobile: string;
    email: string;
    pec?: string;
    emigrationYear?: number;
  }[] = [
    {
      id: {
        surname: "Neri",
        givenNames: "Luca",
        sex: "M",
        birthDate: "1950-05-12",
        birthPlaceCode: "H224",
      },
      country: "AR",
      residence: {
        line1: "Avenida Corrientes 1234",
        line2: "Piso 5, Depto. B",
        city: "Buenos Aires",
        region: "Ciudad Autónoma de Buenos Aires",
        postalCode: "C1043AAZ",
        country: "AR",
      },
      mobile: "+5491145671234",
      email: "luca.neri@example.com",
      emigrationYear: 1975,
    },
    {
      id: {
        surname: "Sala",
        givenNames: "Ana",
        sex: "F",
        birthDate: "1975-08-21",
        birthPlaceCode: "Z602",
      },
      country: "BR",
      residence: {
        line1: "Rua Augusta, 500",
        line2: "Apto 42",
        city: "São Paulo",
        region: "SP",
        postalCode: "01305-000",
        country: "BR",
      },
      mobile: "+5511987654321",
      email: "ana.sala@example.com",
      pec: "ana.sala.pec@example.org",
    },
    {
      id: {
        surname: "Bono",
        givenNames: "Marco",
        sex: "M",
        birthDate: "1958-09-20",
        birthPlaceCode: "A662",
      },
      country: "DE",
      residence: { line1: "Königstraße 12", city: "Stuttgart", postalCode: "70173", country: "DE" },
      mobile: "+4915123456780",
      email: "marco.bono@example.net",
      emigrationYear: 1982,
    },
    {
      id: {
        surname: "Conti",
        givenNames: "Rita",
        sex: "F",
        birthDate: "1988-02-29",
        birthPlaceCode: "Z404",
      },
      country: "US",
      residence: {
        line1: "245 Mulberry Street",
        line2: "Apt 3C",
        city: "New York",
        region: "NY",
        postalCode: "10012",
        country: "US",
      },
      mobile: "+12125550147",
      email: "rita.conti@example.com",
    },
    {
      id: {
        surname: "Fava",
        givenNames: "Paolo",
        sex: "M",
        birthDate: "1945-11-03",
        birthPlaceCode: "E506",
      },
      country: "AU",
      residence: {
        line1: "180 Lygon Street",
        city: "Melbourne",
        region: "VIC",
        postalCode: "3053",
        country: "AU",
      },
      mobile: "+61412345678",
      email: "paolo.fava@example.org",
      emigrationYear: 1968,
    },
  ];
  for (const p of nice) {
    const extras: Extras = {
      residence: p.residence,
      mobile: isMobile(p.mobile, p.country)
        ? p.mobile
        : g.mobile(country(p.country), p.residence.city),
      email: p.email,
      healthCard: g.healthCard(),
      emigrationYear: p.emigrationYear,
    };
    if (p.pec !== undefined) extras.pec = p.pec;
    g.add(p.id, p.country, extras);
  }
}

/**
 * Twins and namesakes whose fiscal codes collide, so the archive holds omocodes:
 * Mario/Mauro both encode to "MRA", Giovanni/Gianni to "GNN", Maria/Mara to "MRA".
 */
function addOmocodePeople(g: Generator): void {
  const twins: [Identity, Identity, string][] = [
    [
      {
        surname: "Esposito",
        givenNames: "Mario",
        sex: "M",
        birthDate: "1956-04-02",
        birthPlaceCode: "F839",
      },
      {
        surname: "Esposito",
        givenNames: "Mauro",
        sex: "M",
        birthDate: "1956-04-02",
        birthPlaceCode: "F839",
      },
      "AR",
    ],
    [
      {
        surname: "Greco",
        givenNames: "Maria",
        sex: "F",
        birthDate: "1962-07-15",
        birthPlaceCode: "A662",
      },
      {
        surname: "Greco",
        givenNames: "Mara",
        sex: "F",
        birthDate: "1962-07-15",
        birthPlaceCode: "A662",
      },
      "DE",
    ],
    [
      {
        surname: "Bruno",
        givenNames: "Giovanni",
        sex: "M",
        birthDate: "1979-10-30",
        birthPlaceCode: "Z602",
      },
      {
        surname: "Bruno",
        givenNames: "Gianni",
        sex: "M",
        birthDate: "1979-10-30",
        birthPlaceCode: "Z602",
      },
      "BR",
    ],
  ];
  for (const [a, b, iso] of twins) {
    // Twins share the family home.
    const residence = g.address(country(iso));
    g.add(a, iso, {
      residence,
      emigrationYear: a.birthPlaceCode.startsWith("Z") ? undefined : 1985,
    });
    g.add(b, iso, {
      residence,
      emigrationYear: b.birthPlaceCode.startsWith("Z") ? undefined : 1987,
    });
  }
  // Three unrelated namesakes born the same day in Palermo: omocodia levels 0, 1 and 2.
  const namesake: Identity = {
    surname: "Russo",
    givenNames: "Giuseppe",
    sex: "M",
    birthDate: "1948-03-19",
    birthPlaceCode: "G273",
  };
  for (const iso of ["CH", "BE", "CA"]) g.add(namesake, iso, { emigrationYear: 1969 });
}

function shuffleCountries(r: Rng): string[] {
  const list = COUNTRIES.map((c) => c.iso2);
  for (let i = list.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    const a = list[i] ?? "";
    list[i] = list[j] ?? "";
    list[j] = a;
  }
  return list;
}

/**
 * Builds the demo archive. Deterministic: the same seed and size give the same people, and
 * a smaller size gives a prefix of a larger one.
 */
export function generateDemoArchive(
  options: { size?: number; seed?: number } = {},
): ArchivePerson[] {
  const size = Math.max(0, Math.floor(options.size ?? DEMO_ARCHIVE_SIZE));
  const g = new Generator(options.seed ?? DEMO_ARCHIVE_SEED);
  addDemoPeople(g);
  addOmocodePeople(g);
  for (let i = 0; i < 8; i++) g.random("IT", { healthCard: g.healthCard() });
  for (let i = 0; i < 8; i++) g.random(g.r.weighted(COUNTRIES).iso2, { italianIdOnFile: true });
  const firstRound = shuffleCountries(g.r);
  while (g.people.length < size) {
    const iso = firstRound.shift() ?? g.r.weighted(COUNTRIES).iso2;
    g.random(iso);
  }
  return g.people.slice(0, size);
}
