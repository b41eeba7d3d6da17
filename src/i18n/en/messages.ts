/** English catalogue: messages (same keys as the Italian one, type-checked). */
import type { messages as italian } from "../it/messages.ts";

export const messages: typeof italian = {
  messages: {},
};
