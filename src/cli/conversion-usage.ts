/** Usage lines of `inps-pin conversion` (kept apart: the CLI prints them without loading the flows). */
export const CONVERSION_USAGE = `  conversion list [--status submitted|approved|rejected]
                        conversion requests (to dispositive), oldest first
  conversion documents ID --out DIR
                        write a request's documents (opened) to DIR for review, audited
  conversion approve ID make the PIN dispositive, release waiting benefit claims, audited
  conversion reject ID --reason TEXT
                        reject with the reason the citizen will read, audited`;
