/**
 * Confirmation links of the anonymous flows (recovery, revocation): a 256-bit token that
 * leaves only inside a sealed outbox message; the store keeps its HMAC (key derived from the
 * pepper), so a copy of the database opens nothing. Single use, 24 hours.
 */
import type { KeyObject } from "node:crypto";
import { hmacHex } from "../security/crypto.ts";
import type { BaseDeps } from "./deps.ts";
import type { LinkPurpose } from "./ports.ts";

export const LINK_SECONDS = 24 * 3600;

/** A link's token: 32 random bytes in base64url. */
export function newLinkToken(randomBytes: (n: number) => Uint8Array): string {
  return Buffer.from(randomBytes(32)).toString("base64url");
}

export function isLinkToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/u.test(token);
}

export const linkHash = (deps: { keys: { links: KeyObject } }, token: string): string =>
  hmacHex(deps.keys.links, token);

/** Whether a link can still be confirmed (its page shows the button only then). */
export async function linkUsable(
  deps: BaseDeps & { keys: { links: KeyObject } },
  purpose: LinkPurpose,
  token: unknown,
): Promise<boolean> {
  if (!isLinkToken(token)) return false;
  return (
    (await deps.uow.direct.links.find(linkHash(deps, token), purpose, deps.clock.now())) !== null
  );
}
