/** English catalogue: documents (same keys as the Italian one, type-checked). */
import type { documents as italian } from "../it/documents.ts";

export const documents: typeof italian = {
  documents: {},
};
