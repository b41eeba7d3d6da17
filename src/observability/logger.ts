/**
 * The one structured logger (pino) of every process: web (fastify uses the same options),
 * worker, letter batches and the CLI's long-running commands. JSON lines on stdout.
 *
 * What never goes in a log line: PINs or halves, tokens, codes, full fiscal codes, recipients
 * (phone numbers, e-mail and postal addresses). Fields are ids, kinds, counts and outcomes;
 * the redaction below is a safety net for the usual places, not a licence.
 */
import { hostname } from "node:os";
import { pino, type Logger, type LoggerOptions } from "pino";

export type { Logger };

export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.pin",
  "*.secret",
  "*.token",
  "*.password",
  "*.fiscalCode",
  "*.recipient",
  "*.to",
];

export function loggerOptions(level: string, name: string): LoggerOptions {
  return {
    level,
    name,
    base: { pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
}

export function createLogger(level: string, name: string): Logger {
  return pino(loggerOptions(level, name));
}

/** An error's message for a log line or a stored error (never its stack or cause). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
