/**
 * Entry point of the archive CSV import: checks the header, then validates every row,
 * so that one bad row never loses the others.
 */
import type { ArchivePerson } from "../../domain/archive.ts";
import { ARCHIVE_CSV_COLUMNS, ARCHIVE_CSV_REQUIRED_COLUMNS } from "./columns.ts";
import type { ArchiveCsvColumn, ArchiveCsvError, ArchiveCsvResult } from "./columns.ts";
import { readCsvRecords } from "./reader.ts";
import type { CsvRecord } from "./reader.ts";
import { validateRow } from "./row.ts";
import type { Row } from "./row.ts";

/**
 * Parses an archive CSV. `today` (YYYY-MM-DD) resolves fiscal-code centuries and rejects
 * future birth dates. Rows with any error are left out and reported; a fiscal code seen
 * again is reported on the later line and only its first row is kept. Never throws.
 */
export function parseArchiveCsv(text: string, today: string): ArchiveCsvResult {
  const people: ArchivePerson[] = [];
  const errors: ArchiveCsvError[] = [];
  let records: CsvRecord[];
  try {
    records = readCsvRecords(text);
  } catch {
    return { people, errors: [{ line: 1, message: "the file could not be read" }] };
  }

  const header = records[0];
  if (header === undefined)
    return {
      people,
      errors: [{ line: 1, message: "the file is empty: a header row is required" }],
    };
  if (header.error !== undefined)
    errors.push({ line: header.line, message: `header: ${header.error}` });

  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const known = new Set<string>(ARCHIVE_CSV_COLUMNS);
  const seen = new Set<string>();
  let headerOk = header.error === undefined;
  for (const name of columns) {
    if (seen.has(name)) {
      errors.push({
        line: header.line,
        field: name,
        message: "column appears twice in the header",
      });
      headerOk = false;
    }
    seen.add(name);
    if (!known.has(name))
      errors.push({ line: header.line, field: name, message: "unknown column, ignored" });
  }
  for (const name of ARCHIVE_CSV_REQUIRED_COLUMNS) {
    if (!seen.has(name)) {
      errors.push({
        line: header.line,
        field: name,
        message: "required column missing from the header",
      });
      headerOk = false;
    }
  }
  if (!headerOk) return { people, errors };

  const firstLineOf = new Map<string, number>();
  for (const record of records.slice(1)) {
    try {
      if (record.error !== undefined) {
        errors.push({ line: record.line, message: record.error });
        continue;
      }
      if (record.fields.length !== columns.length) {
        errors.push({
          line: record.line,
          message: `expected ${columns.length} fields, found ${record.fields.length}`,
        });
        continue;
      }
      const row: Row = {};
      columns.forEach((name, idx) => {
        if (known.has(name)) row[name as ArchiveCsvColumn] = record.fields[idx] ?? "";
      });
      const result = validateRow(row, record.line, today);
      errors.push(...result.errors);
      const person = result.person;
      if (person === undefined) continue;
      const first = firstLineOf.get(person.fiscalCode);
      if (first !== undefined) {
        errors.push({
          line: record.line,
          field: "fiscal_code",
          message: `duplicate of line ${first}`,
        });
        continue;
      }
      firstLineOf.set(person.fiscalCode, record.line);
      people.push(person);
    } catch {
      // A validator library failing on odd input must not lose the other rows.
      errors.push({ line: record.line, message: "the row could not be validated" });
    }
  }
  return { people, errors };
}
