/** Italian catalogue: messages (filled in by its owner). */
export const messages = {
  messages: {},
};
