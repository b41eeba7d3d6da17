/**
 * One key per mailbox or phone, for limits per destination: the same inbox written another way
 * (a "+tag" sub-address, upper case, the dots Gmail ignores) must count as the same destination,
 * or a limit on greetings to an inbox is trivially avoided.
 */
const DOTLESS_DOMAINS: ReadonlySet<string> = new Set(["gmail.com", "googlemail.com"]);

export function destinationKey(contact: string): string {
  const c = contact.trim().toLowerCase();
  const at = c.lastIndexOf("@");
  if (at <= 0) return c.replace(/[^\d+]/gu, "");
  let local = c.slice(0, at);
  let domain = c.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (DOTLESS_DOMAINS.has(domain)) local = local.replace(/\./gu, "");
  return `${local}@${domain}`;
}
