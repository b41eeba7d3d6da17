/** English catalogue: texts of SMS and e-mail messages (same keys as the Italian one, type-checked). */
import type { messages as italian } from "../it/messages.ts";

export const messages: typeof italian = {
  messages: {
    contactCentre:
      "INPS Contact Centre: +39 06 164164 (from abroad and from mobiles), 803 164 (free from Italian landlines), Monday to Friday 8:00-20:00, Saturday 8:00-14:00, Italian time.",
    neverAsk: "INPS will never ask for your PIN by phone or e-mail.",
    greeting: "Dear {{name}},",
    greetingNeutral: "Dear citizen,",
    firstHalf: {
      sms: "INPS: first part of your PIN: {{half}}. The second part comes by letter. Never share it.",
      subject: "Your INPS PIN - first part",
      intro: "here are the first 8 characters of your INPS PIN (claim {{reference}}):",
      letter: "The last 8 characters will arrive by letter at your home address.",
      howTo:
        "When you have both parts, type these 8 characters first and then those in the letter, together with your fiscal code, on the PIN login page.",
    },
    letter: { subject: "Your INPS PIN - second part" },
    claimReceived: {
      sms: "INPS: we have received your PIN claim (ref. {{reference}}). A Contact Centre operator will call you for a few checks.",
      subject: "INPS PIN claim received",
      body: "we have received your PIN claim (reference {{reference}}). To complete it, an INPS Contact Centre operator will call you on the number you gave for a few checks. You do not need to do anything else.",
      notYou: "If you did not ask for a PIN, please ignore this message.",
    },
    pinLocked: {
      sms: "INPS: your PIN is locked for 5 minutes after 10 wrong attempts ({{time}}, Italian time). If it was not you, answer nobody and call +39 06 164164.",
      subject: "Your INPS PIN was locked for 5 minutes",
      body: "at {{time}} (Italian time) on {{date}} logging in with your PIN was locked for 5 minutes after 10 attempts with a wrong PIN.",
      ifYou:
        "If it was you, wait 5 minutes without trying again and check the PIN character by character.",
      ifNotYou:
        "If it was not you, someone tried to guess your PIN: your PIN is still valid and secret. From the computer or phone you usually log in with you can keep logging in. If you think it necessary, call the Contact Centre.",
    },
  },
};
