/** Partial views of identifiers for letters, screens and logs (never the whole code in logs). */
export function maskFiscalCode(cf: string): string {
  if (cf.length !== 16) return "****************".slice(0, cf.length);
  return `${cf.slice(0, 3)}*********${cf.slice(12)}`;
}
