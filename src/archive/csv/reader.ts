/**
 * RFC 4180 reader for the archive CSV: comma separator, double-quote quoting with ""
 * escapes, fields that span lines, LF or CRLF line ends and an optional UTF-8 BOM. It
 * records the physical line where each record starts, so that errors point at the line
 * a person sees in an editor.
 */

/** One record of the file; `line` is where it starts (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
  error?: string;
}

/** Splits text into records. Blank lines are skipped; malformed quoting is flagged, not fatal. */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = "";
  let sawQuote = false;
  let error: string | undefined;
  let state: "start" | "unquoted" | "quoted" | "closed" = "start";

  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && (fields[0] ?? "").trim() === "" && !sawQuote;
    if (!blank)
      records.push(
        error === undefined ? { line: recordLine, fields } : { line: recordLine, fields, error },
      );
    fields = [];
    field = "";
    sawQuote = false;
    error = undefined;
    state = "start";
  };
  /** Consumes a line break at i (CRLF, LF or a lone CR); returns false when there is none. */
  const lineBreak = (): boolean => {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      return true;
    }
    return false;
  };

  while (i < n) {
    const ch = text.charAt(i);
    if (state === "quoted") {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i += 2;
        } else {
          state = "closed";
          i++;
        }
      } else if (ch === "\r" || ch === "\n") {
        const start = i;
        lineBreak();
        field += text.slice(start, i);
      } else {
        field += ch;
        i++;
      }
      continue;
    }
    if (ch === ",") {
      fields.push(field);
      field = "";
      state = "start";
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      lineBreak();
      endRecord();
      recordLine = line;
      continue;
    }
    if (state === "start" && ch === '"') {
      state = "quoted";
      sawQuote = true;
      i++;
      continue;
    }
    if (state === "closed") error ??= "unexpected text after a closing quote";
    else if (ch === '"') error ??= "unexpected quote inside an unquoted field";
    field += ch;
    state = "unquoted";
    i++;
  }
  if (state === "quoted") error ??= "unterminated quoted field";
  if (state !== "start" || fields.length > 0 || field !== "" || sawQuote) endRecord();
  return records;
}
