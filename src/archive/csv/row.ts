/**
 * Turns one CSV record into an archive person: each field is checked on its own, then
 * against the fiscal code, and every problem becomes an error naming its column.
 */
import countries from "i18n-iso-countries";
import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator";
import type { ArchivePerson, PostalAddress } from "../../domain/archive.ts";
import { lookupBelfiore } from "../../domain/belfiore.ts";
import { parseFiscalCode } from "../../domain/fiscal-code.ts";
import type { FiscalCodeError } from "../../domain/fiscal-code.ts";
import type { ArchiveCsvColumn, ArchiveCsvError } from "./columns.ts";

const FISCAL_CODE_MESSAGES: Record<FiscalCodeError, string> = {
  length: "fiscal code must have 16 characters",
  format: "fiscal code has an invalid format",
  check_character: "fiscal code check character does not match",
  birth_date: "fiscal code encodes an impossible birth date",
  birth_place: "fiscal code encodes an unknown birth place",
};

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  "1": true,
  "0": false,
  yes: true,
  no: false,
};
const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const MAX_TEXT = 200;

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Short rendering of a bad value for a message: the file may hold anything. */
function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function normaliseEmail(value: string): string | undefined {
  if (value.length > 254 || !EMAIL.test(value)) return undefined;
  const at = value.lastIndexOf("@");
  return value.slice(0, at) + value.slice(at).toLowerCase();
}

/** The fields of one record by column name; columns left out of the header are absent. */
export type Row = Partial<Record<ArchiveCsvColumn, string>>;

/**
 * Validates and normalises one record: every problem is reported (not just the first), and
 * a person is returned only when there is none.
 */
export function validateRow(
  row: Row,
  line: number,
  today: string,
): { person?: ArchivePerson; errors: ArchiveCsvError[] } {
  const errors: ArchiveCsvError[] = [];
  const fail = (field: ArchiveCsvColumn, message: string): void => {
    errors.push({ line, field, message });
  };
  const get = (field: ArchiveCsvColumn): string => (row[field] ?? "").trim();
  const text = (field: ArchiveCsvColumn, required: boolean): string | undefined => {
    const value = get(field);
    let problem: string | undefined;
    if (value === "") problem = required ? "is required" : undefined;
    else if (value.length > MAX_TEXT) problem = `is longer than ${MAX_TEXT} characters`;
    // Control characters would end up in letters and SMS texts.
    else if (/\p{Cc}/u.test(value)) problem = "contains control characters";
    else return value;
    if (problem !== undefined) fail(field, problem);
    return undefined;
  };

  const surname = text("surname", true);
  const givenNames = text("given_names", true);

  const sexRaw = get("sex").toUpperCase();
  let sex: "M" | "F" | undefined;
  if (sexRaw === "M" || sexRaw === "F") sex = sexRaw;
  else fail("sex", `must be M or F, got ${show(get("sex"))}`);

  const birthRaw = get("birth_date");
  let birthDate: string | undefined;
  if (!isIsoDate(birthRaw)) fail("birth_date", `must be a date YYYY-MM-DD, got ${show(birthRaw)}`);
  else if (birthRaw > today) fail("birth_date", "is in the future");
  else birthDate = birthRaw;

  const placeRaw = get("birth_place_code").toUpperCase();
  const place = lookupBelfiore(placeRaw);
  const birthPlaceCode = place?.code;
  if (place === undefined) fail("birth_place_code", `unknown Belfiore code ${show(placeRaw)}`);

  const fiscal = parseFiscalCode(get("fiscal_code"), today);
  let fiscalCode: string | undefined;
  if (!fiscal.ok) {
    fail(
      "fiscal_code",
      get("fiscal_code") === "" ? "is required" : FISCAL_CODE_MESSAGES[fiscal.error],
    );
  } else {
    fiscalCode = fiscal.value.code;
    // Names are not compared: real codes issued with spelling errors stay valid for life.
    if (sex !== undefined && fiscal.value.sex !== sex)
      fail("sex", "does not match the fiscal code");
    if (birthDate !== undefined && fiscal.value.birthDate !== birthDate) {
      fail("birth_date", `does not match the fiscal code (${fiscal.value.birthDate})`);
    }
    if (birthPlaceCode !== undefined && fiscal.value.birthPlaceCode !== birthPlaceCode) {
      fail("birth_place_code", `does not match the fiscal code (${fiscal.value.birthPlaceCode})`);
    }
  }

  const countryRaw = get("residence_country").toUpperCase();
  let country: string | undefined;
  if (/^[A-Z]{2}$/.test(countryRaw) && countries.isValid(countryRaw)) country = countryRaw;
  else {
    fail(
      "residence_country",
      `must be an ISO 3166-1 alpha-2 code, got ${show(get("residence_country"))}`,
    );
  }

  const line1 = text("residence_line1", true);
  const line2 = text("residence_line2", false);
  const city = text("residence_city", true);
  const region = text("residence_region", false);

  const postalRaw = get("residence_postal_code").toUpperCase().replace(/\s+/g, " ");
  let postalCode: string | undefined;
  if (postalRaw === "") fail("residence_postal_code", "is required");
  else if (postalRaw.length > 12) fail("residence_postal_code", "is too long");
  else if (country !== undefined) {
    const checkable = postcodeValidatorExistsForCountry(country);
    if (checkable && !postcodeValidator(postalRaw, country)) {
      fail("residence_postal_code", `${show(postalRaw)} is not a valid postal code for ${country}`);
    } else postalCode = postalRaw;
  }

  const idRaw = get("italian_id_on_file").toLowerCase();
  const italianIdOnFile = idRaw === "" ? false : BOOLEANS[idRaw];
  if (italianIdOnFile === undefined) {
    fail(
      "italian_id_on_file",
      `must be true/false/1/0/yes/no, got ${show(get("italian_id_on_file"))}`,
    );
  }

  const cardNumber = get("health_card_number").replace(/\s+/g, "");
  const cardExpiry = get("health_card_expiry");
  let healthCard: ArchivePerson["healthCard"];
  if (cardNumber !== "" || cardExpiry !== "") {
    const numberOk = /^80380\d{15}$/.test(cardNumber);
    if (!numberOk) fail("health_card_number", "must be 20 digits starting with 80380");
    const expiryOk = isIsoDate(cardExpiry);
    if (!expiryOk) fail("health_card_expiry", `must be a date YYYY-MM-DD, got ${show(cardExpiry)}`);
    if (numberOk && expiryOk) healthCard = { number: cardNumber, expiry: cardExpiry };
  }

  const mobileRaw = get("mobile");
  let mobile: string | undefined;
  if (mobileRaw !== "") {
    const defaultCountry =
      country !== undefined && isSupportedCountry(country) ? country : undefined;
    const parsed = parsePhoneNumberFromString(mobileRaw, defaultCountry);
    const type = parsed?.getType();
    if (!parsed?.isValid()) fail("mobile", `${show(mobileRaw)} is not a valid phone number`);
    else if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE")
      fail("mobile", "is not a mobile number");
    else mobile = parsed.number;
  }

  const address = (field: "email" | "pec"): string | undefined => {
    const raw = get(field);
    if (raw === "") return undefined;
    const value = normaliseEmail(raw);
    if (value === undefined) fail(field, `${show(raw)} is not an e-mail address`);
    return value;
  };
  const email = address("email");
  const pec = address("pec");

  if (
    errors.length > 0 ||
    fiscalCode === undefined ||
    surname === undefined ||
    givenNames === undefined ||
    sex === undefined ||
    birthDate === undefined ||
    birthPlaceCode === undefined ||
    country === undefined ||
    line1 === undefined ||
    city === undefined ||
    postalCode === undefined ||
    italianIdOnFile === undefined
  ) {
    return { errors };
  }
  const residence: PostalAddress = { line1, city, postalCode, country };
  if (line2 !== undefined) residence.line2 = line2;
  if (region !== undefined) residence.region = region;
  const person: ArchivePerson = {
    fiscalCode,
    surname,
    givenNames,
    sex,
    birthDate,
    birthPlaceCode,
    residence,
    italianIdOnFile,
    contributions: [],
    pensionPayments: [],
  };
  if (healthCard !== undefined) person.healthCard = healthCard;
  if (mobile !== undefined) person.mobile = mobile;
  if (email !== undefined) person.email = email;
  if (pec !== undefined) person.pec = pec;
  return { person, errors };
}
