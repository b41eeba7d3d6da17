/** English catalogue: dev (same keys as the Italian one, type-checked). */
import type { dev as italian } from "../it/dev.ts";

export const dev: typeof italian = {
  dev: {
    peopleTitle: "Demo people",
    peopleIntro: "Demo archive: {{count}} people. Pick one to fill in the PIN claim.",
    outboxTitle: "Messages sent (development)",
    outboxIntro: "Every SMS, e-mail and letter the service would send, newest first.",
    outboxEmpty: "No messages.",
    clock: "Service clock: {{now}} (moved by {{offset}} seconds).",
    eligible: "May claim a PIN",
    ineligible: "May not claim one",
    name: "Name",
    fiscalCode: "Fiscal code",
    country: "Residence",
    action: "Action",
    reason: "Reason",
    claimAs: "Claim a PIN as this person",
    to: "To",
    openPdf: "Open the letter (PDF)",
    staffTitle: "Demo staff",
    staffIntro:
      "Demo staff accounts (development only). Password for all: “{{password}}”. The app code changes every 30 seconds: reload the page; each code works once.",
    staffLink: "Demo staff (staff area)",
    username: "Username",
    role: "Role",
    office: "Office",
    code: "Code now",
  },
};
