/** English catalogue: layout, form, home (same keys as the Italian one, type-checked). */
import type { common as italian } from "../it/common.ts";

export const common: typeof italian = {
  layout: {
    service: "INPS PIN",
    tagline: "For citizens living abroad",
    skipToContent: "Skip to main content",
    logout: "Log out",
    contactCentre:
      "INPS Contact Centre: 803 164 (free from Italian landlines), +39 06 164164 (from abroad and mobiles)",
    contactCentreHours: "Monday to Friday 8am-8pm, Saturday 8am-2pm (Italian time).",
    help: "Help and FAQ",
    privacy: "Privacy notice",
    accessibility: "Accessibility statement",
    legal: "Legal notes",
    backHome: "Back to the home page",
    devNotice: "Development environment: this page does not exist in production.",
  },
  form: {
    errorPrefix: "Error",
    errorSummary: "There are problems to fix",
    choose: "Choose from the list",
  },
  home: {
    title: "INPS PIN for people living abroad",
    intro:
      "The PIN is your personal code for INPS online services (contribution statement, pension slip, benefit claims) if you live abroad and have no Italian identity document.",
    claimTitle: "No PIN yet?",
    claimText: "Claim it online: half of the PIN comes by SMS or e-mail, the other half by letter.",
    claimButton: "Claim your PIN",
    loginTitle: "Already have a PIN?",
    loginText: "Log in with your fiscal code and PIN.",
    loginButton: "Log in with your PIN",
    whoTitle: "Who can have a PIN",
    whoText:
      "Since 1 October 2021 the PIN is only issued to citizens living abroad, Italian or not, who have no Italian identity document. A document from your country of residence or a passport proves your identity.",
    italyText:
      "If you live in Italy, or have an Italian document, use SPID, the Electronic Identity Card (CIE) or the National Services Card (CNS).",
    howTitle: "How it works",
    how1: "Fill in the online claim with your details, your address abroad and your contacts.",
    how2: "You receive the first 8 characters of the PIN by SMS or e-mail, the other 8 in a letter at home.",
    how3: "At first access type all 16 characters: the system gives you an 8-character PIN.",
    how4: "The PIN expires every 6 months: when you log in, the system guides you to a new one.",
  },
};
