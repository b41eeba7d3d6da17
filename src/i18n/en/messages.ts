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
    recoveryLink: {
      subject: "INPS PIN recovery: confirm your request",
      body: "we received a request to recover your INPS PIN. To receive a new PIN, open this link and confirm:",
      validity:
        "The link works once, until {{time}} (Italian time) on {{date}}. Until you confirm, your current PIN keeps working.",
      notYou:
        "If you did not ask for a recovery, ignore this message: nothing changes without confirmation.",
    },
    recoveryInstructions: {
      sms: "INPS: we received a PIN recovery request with this number. If the details match, the link goes to the registered e-mail or PEC. Otherwise call +39 06 164164.",
      subject: "INPS PIN recovery: request received",
      body: "we received a request to recover an INPS PIN giving this address. If the fiscal code and at least two contacts match the registered ones, the registered e-mail or PEC receives a link to open within 24 hours to confirm.",
      contacts:
        "If no link arrives, the registered contacts may differ from those given: at least two of mobile, e-mail and PEC are needed, written as you gave them to INPS. If your contacts have changed, call the Contact Centre: after checking your identity an agent can add a contact.",
      revoked: "If your PIN was revoked, or you do not have a PIN yet, you need a new PIN claim.",
      notYou:
        "If you did not make this request, ignore this message: nothing changes without confirmation.",
    },
    recoveredHalf: {
      sms: "INPS: new PIN after recovery, first part: {{half}}. The second part comes by e-mail. Do not share it.",
      firstSubject: "Your new INPS PIN - first part",
      secondSubject: "Your new INPS PIN - second part",
      firstIntro:
        "as requested, your INPS PIN has been recovered. Here are the first 8 characters of the new PIN:",
      secondIntro:
        "as requested, your INPS PIN has been recovered. Here are the last 8 characters of the new PIN:",
      firstOther: "The last 8 characters come in another message, to your e-mail or PEC address.",
      secondOther:
        "The first 8 characters come in another message (SMS to the registered mobile, or e-mail).",
      howTo:
        "Your previous PIN no longer works. Log in with your fiscal code and the 16 characters (first part, then second part): you will be asked to choose a new 8-character PIN.",
      notYou:
        "If you did not ask for a recovery, call the Contact Centre at once: someone may have access to your contacts.",
    },
    recoveryNotice: {
      sms: "INPS: on {{date}} at {{time}} (Italian time) your PIN was recovered. If it was not you, call +39 06 164164 at once.",
      subject: "Your INPS PIN has been recovered",
      body: "on {{date}} at {{time}} (Italian time) your INPS PIN was recovered: the new PIN was sent, in two parts, to the registered contacts.",
      notYou:
        "If it was not you, call the Contact Centre at once: someone may have access to your contacts. You can also revoke the PIN.",
    },
    revocationLink: {
      subject: "INPS PIN revocation: confirm your request",
      body: "we received a request to revoke an INPS PIN. If you confirm, the PIN stops working for good and logging in again will need a new PIN claim. To confirm, open this link:",
      validity: "The link works once, until {{time}} (Italian time) on {{date}}.",
      notYou:
        "If you did not ask for a revocation, ignore this message: nothing changes without confirmation.",
    },
    revocationInstructions: {
      subject: "INPS PIN revocation: how to go on",
      body: "we received a request to revoke an INPS PIN with this address, but it could not be confirmed with the details given.",
      check:
        "Check the fiscal code and the health card's number (20 digits) and expiry, or call the Contact Centre: they can revoke the PIN by phone after checking your identity.",
      notYou: "If you did not make this request, ignore this message.",
    },
    revocationNotice: {
      sms: "INPS: on {{date}} at {{time}} (Italian time) your PIN was revoked. If it was not you, call +39 06 164164 at once.",
      subject: "Your INPS PIN has been revoked",
      body: "on {{date}} at {{time}} (Italian time) your INPS PIN was revoked and no longer works. Logging in again needs a new PIN claim.",
      notYou: "If it was not you, call the Contact Centre at once.",
    },
    contactCode: {
      sms: "INPS: code to confirm this contact: {{code}}. It lasts 10 minutes. Do not share it.",
      subject: "INPS contact confirmation code",
      body: "to confirm this address as a contact of your INPS PIN, type this code on the contacts page (it lasts 10 minutes):",
      notYou: "If you did not ask for the change, ignore this message.",
    },
    contactNotice: {
      sms: "INPS: on {{date}} at {{time}} this contact was removed from your PIN. If it was not you, call +39 06 164164.",
      subject: "INPS PIN contacts changed",
      replaced:
        "on {{date}} at {{time}} (Italian time) this contact was replaced by another among your INPS PIN's contacts.",
      removed:
        "on {{date}} at {{time}} (Italian time) this contact was removed from your INPS PIN's contacts.",
      notYou: "If it was not you, call the Contact Centre at once.",
    },
    conversionDecided: {
      approvedSms:
        "INPS: your request {{reference}} was approved: your PIN is now dispositive. Log in again to use it.",
      rejectedSms:
        "INPS: your request {{reference}} to make your PIN dispositive was not approved: {{reason}}. Details in your personal area.",
      approvedSubject: "Your INPS PIN is now dispositive",
      rejectedSubject: "Your request for a dispositive PIN was not approved",
      approved:
        "your request {{reference}} was approved: your PIN is now dispositive and lets you request benefits. It counts from your next login: log out and log in again.",
      rejected:
        "your request {{reference}} to make your PIN dispositive was not approved, for this reason: {{reason}}. You can send a new request from your personal area, or go to an INPS office.",
      claims:
        "Your benefit claims waiting for the dispositive PIN ({{claims}}) are now being processed, with the date you filed them.",
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
