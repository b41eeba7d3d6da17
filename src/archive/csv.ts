/**
 * Import of archive people from CSV (format: docs/archive-csv.md). The parser follows
 * RFC 4180 (comma separator, double-quote quoting with "" escapes, fields may span
 * lines), accepts LF or CRLF line ends and an optional UTF-8 BOM, and never throws:
 * every problem becomes an error entry with the 1-based physical line where the record
 * starts (the header is line 1), and the rows without problems are returned.
 *
 * This module is the public entry point; the code lives in ./csv/: columns.ts,
 * reader.ts (the RFC 4180 tokenizer), row.ts (row validation) and parse.ts.
 */
export { ARCHIVE_CSV_COLUMNS, ARCHIVE_CSV_REQUIRED_COLUMNS } from "./csv/columns.ts";
export type { ArchiveCsvColumn, ArchiveCsvError, ArchiveCsvResult } from "./csv/columns.ts";
export { parseArchiveCsv } from "./csv/parse.ts";
export { readCsvRecords } from "./csv/reader.ts";
