/**
 * The columns of the archive CSV and the shape of a parse result, shared by the row
 * validator and the entry point (format: docs/archive-csv.md).
 */
import type { ArchivePerson } from "../../domain/archive.ts";

export interface ArchiveCsvError {
  /** 1-based line of the file where the offending record starts; the header is line 1. */
  line: number;
  /** Column name, when the problem is in one field. */
  field?: string;
  message: string;
}

export interface ArchiveCsvResult {
  people: ArchivePerson[];
  errors: ArchiveCsvError[];
}

export const ARCHIVE_CSV_COLUMNS = [
  "fiscal_code",
  "surname",
  "given_names",
  "sex",
  "birth_date",
  "birth_place_code",
  "residence_line1",
  "residence_line2",
  "residence_city",
  "residence_region",
  "residence_postal_code",
  "residence_country",
  "italian_id_on_file",
  "health_card_number",
  "health_card_expiry",
  "mobile",
  "email",
  "pec",
] as const;

export type ArchiveCsvColumn = (typeof ARCHIVE_CSV_COLUMNS)[number];

/** Columns that must be in the header; the others may be left out entirely. */
export const ARCHIVE_CSV_REQUIRED_COLUMNS: readonly ArchiveCsvColumn[] = [
  "fiscal_code",
  "surname",
  "given_names",
  "sex",
  "birth_date",
  "birth_place_code",
  "residence_line1",
  "residence_city",
  "residence_postal_code",
  "residence_country",
];
