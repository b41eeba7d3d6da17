/** Italian catalogue: documents (filled in by its owner). */
export const documents = {
  documents: {},
};
