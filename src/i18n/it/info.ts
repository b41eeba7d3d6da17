/** Italian catalogue: info (filled in by its owner). */
export const info = {
  info: {},
};
