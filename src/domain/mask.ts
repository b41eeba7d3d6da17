/** Partial views of identifiers for letters, screens and logs (never the whole code in logs). */
export function maskFiscalCode(cf: string): string {
  if (cf.length !== 16) return "****************".slice(0, cf.length);
  return `${cf.slice(0, 3)}*********${cf.slice(12)}`;
}

/**
 * A phone number or e-mail address as an outcome page may show it: enough for its owner to
 * recognise ("••• ••• 6789", "m•••@e•••.com"), too little for anyone else to use.
 */
export function maskContact(contact: string): string {
  const at = contact.indexOf("@");
  if (at > 0) {
    const local = contact.slice(0, at);
    const domain = contact.slice(at + 1);
    const dot = domain.lastIndexOf(".");
    const host = dot > 0 ? domain.slice(0, dot) : domain;
    const tld = dot > 0 ? domain.slice(dot) : "";
    return `${local.slice(0, 1)}•••@${host.slice(0, 1)}•••${tld}`;
  }
  const digits = contact.replace(/\D/gu, "");
  if (digits.length < 6) return "•••";
  return `••• ••• ${digits.slice(-4)}`;
}
