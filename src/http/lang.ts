import type { FastifyRequest } from "fastify";
import { isLang, type Lang } from "../i18n/index.ts";

/**
 * ?lang= wins, then the language cookie (the web switch); the API also honours
 * Accept-Language. Italian by default: pages do not follow the browser's language because
 * the citizens' browsers speak Spanish, Portuguese or German more often than English.
 */
export function langOf(req: FastifyRequest, opts: { acceptLanguage?: boolean } = {}): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(q)) return q;
  // (Framework errors are answered before the cookie parser has run.)
  const c = (req.cookies as Partial<Record<string, string>> | undefined)?.lang;
  if (isLang(c)) return c;
  const accept = req.headers["accept-language"];
  if (opts.acceptLanguage === true && typeof accept === "string" && /^\s*en\b/iu.test(accept))
    return "en";
  return "it";
}
