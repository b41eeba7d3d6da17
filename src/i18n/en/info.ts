/** English catalogue: info (same keys as the Italian one, type-checked). */
import type { info as italian } from "../it/info.ts";

export const info: typeof italian = {
  info: {},
};
