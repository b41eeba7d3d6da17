/** English catalogue: login, newPin, area, contributions, slips (same keys as the Italian one, type-checked). */
import type { account as italian } from "../it/account.ts";

export const account: typeof italian = {
  login: {
    title: "Log in with your PIN",
    intro:
      "Enter your fiscal code and PIN. At first access use the 16 characters you received (first the SMS or e-mail part, then the letter part).",
    fiscalCode: "Fiscal code",
    pin: "PIN",
    pinHint: "16 characters at first access, then 8. Spaces do not matter.",
    showPin: "Show the PIN as I type",
    submit: "Log in",
    noPin: "No PIN?",
    expired:
      "For your security, the session closed after 15 minutes without activity. Log in again: you will come back to the page you were on.",
    remaining_one: "You have {{count}} attempt left before a 5-minute lock.",
    remaining_other: "You have {{count}} attempts left before a 5-minute lock.",
    lockedUntil:
      "You can try again after {{time}} (Italian time). Do not try before: every attempt during the lock starts it again.",
    hintEight:
      "If this is your first access, all 16 characters are needed: first the 8 of the SMS or e-mail, then the 8 of the letter (which can take a few weeks).",
    hintSixteen:
      "If you have already made your first access, the 16 characters no longer work: use the 8-character PIN you were shown then. If you do not have it, call the Contact Centre on +39 06 164164.",
    claimLink: "Claim it online",
  },
  resend: {
    title: "Didn't the letter arrive?",
    intro:
      "If you have the first part of the PIN (by SMS or e-mail) but the letter with the second part did not arrive, you can ask for a new PIN: both parts come again, the first as last time and the second in a new letter to the registered home address.",
    when: "You can ask once 20 days have passed since the PIN claim, at most 3 times in 90 days. The first part you have now will stop working.",
    fiscalCode: "Fiscal code",
    firstHalf: "First part of the PIN (8 characters)",
    firstHalfHint: "As in the SMS or e-mail. Spaces do not matter.",
    submit: "Ask for both parts again",
    sentTitle: "Request received",
    sent1:
      "If the details are right and the letter is overdue, you will receive a new first part (as last time) and a new letter with the second part. Use only the new parts.",
    sent2: "If nothing arrives within a few days, call the Contact Centre on +39 06 164164.",
    link: "Didn't the letter with the second part arrive?",
  },
  revocation: {
    title: "Revoke your PIN",
    intro:
      "If you have lost your PIN and cannot recover it, you can revoke it so that nobody else can use it. You need your fiscal code, your health card's details and an e-mail or PEC address where the confirmation can go.",
    warning:
      "Revocation is final: the PIN will never work again and logging in will need a new PIN claim. If you only forgot the PIN, recover it instead.",
    fiscalCode: "Fiscal code",
    healthCardNumber: "Health card number",
    healthCardNumberHint: "20 digits, on the back of the card.",
    healthCardExpiry: "Health card expiry date",
    healthCardExpiryHint: "As printed on the card.",
    addressHint: "Where the confirmation goes (e-mail or PEC)",
    email: "E-mail",
    pec: "PEC (certified e-mail)",
    submit: "Ask for revocation",
    sentTitle: "Request received",
    sent1:
      "If the details match, the address you gave will receive a message with a link to open within 24 hours to confirm the revocation.",
    sent2: "Until you confirm, the PIN keeps working.",
    home: "Back to the home page",
    confirmTitle: "Confirm the revocation of your PIN",
    confirm1:
      "When you confirm, the PIN stops working for good, every open session closes and the registered contacts are told. Logging in again will need a new PIN claim.",
    confirmButton: "I confirm: revoke the PIN",
    doneTitle: "PIN revoked",
    done1: "The PIN no longer works. Nobody can use it to reach INPS services.",
    done2: "Whenever you wish, you can claim a new PIN.",
    newClaim: "Claim a new PIN",
    newRequest: "Make a new revocation request",
    link: "Want to stop anyone else from using the PIN?",
    linkText: "Revoke the PIN",
  },
  recovery: {
    title: "Recover your PIN",
    intro:
      "If you have lost your PIN, you can get a new one. Enter your fiscal code and at least two of the contacts you registered with the PIN (mobile, e-mail, PEC), exactly as you gave them.",
    fiscalCode: "Fiscal code",
    mobile: "Mobile",
    mobileHint: "With the international prefix, for example +54 9 11 2345 6789.",
    email: "E-mail",
    pec: "PEC (certified e-mail)",
    contactsHint: "At least two of the three contacts are needed.",
    submit: "Ask for a recovery",
    sentTitle: "Request received",
    sent1:
      "If the details match the registered ones, the registered e-mail (or PEC) will receive a message with a link to open within 24 hours to confirm.",
    sent2:
      "If they do not match, the address you gave will receive instructions on updating your contacts through the Contact Centre.",
    sent3:
      "Your current PIN keeps working until you confirm: if you find it again, you can ignore the message.",
    confirmTitle: "Confirm the recovery of your PIN",
    confirm1:
      "When you confirm, your current PIN stops working and you receive a new 16-character PIN: the first part by SMS to the registered mobile (or by e-mail), the second part to the registered e-mail or PEC.",
    confirm2:
      "At your first login with the new PIN you will be asked to choose an 8-character one. The PIN's level (ordinary or dispositive) stays the same.",
    confirmButton: "I confirm: send me the new PIN",
    doneTitle: "New PIN sent",
    doneFirst: "First part (8 characters): sent to {{to}}.",
    doneSecond: "Second part (8 characters): sent to {{to}}.",
    doneHow:
      "Your previous PIN no longer works. Once you have both parts, log in with your fiscal code and the 16 characters.",
    notice:
      "The other registered contacts are told of the recovery. If it was not you, call the Contact Centre at once.",
    invalidTitle: "The link is no longer valid",
    newRequest: "Make a new recovery request",
    lostPin: "Lost your PIN?",
    lostPinLink: "Recover it online",
    orCall: "or call the Contact Centre on +39 06 164164.",
  },
  newPin: {
    activateTitle: "First access: your new PIN",
    renewTitle: "Your PIN has expired: get your new PIN",
    activateIntro:
      "The 16-character PIN only works for the first access. Now the system generates the 8-character PIN you will use from now on.",
    renewIntro:
      "The PIN expires every 6 months. The system generates a new 8-character PIN with the same services as the old one.",
    point1: "The new PIN is shown only once: write it down or print the card.",
    point2: "Keep it apart from your fiscal code and never share it.",
    point3: "INPS will never ask for your PIN by phone or e-mail.",
    generate: "Generate my new PIN",
    shownTitle: "Here is your new PIN",
    shownIntro: "From now on log in with your fiscal code and this 8-character PIN.",
    yourPin: "Your new PIN:",
    spelled: "Character by character:",
    onceOnly: "This PIN will not be shown again: write it down now or print the card.",
    expires:
      "The PIN expires on {{date}}: at your first login after that date you will get a new one.",
    printCard: "Download the PIN card (PDF)",
    continue: "I have noted my PIN: continue",
    alreadyShownTitle: "Your new PIN has already been shown",
    alreadyShownIntro:
      "For your security the new PIN is shown only once: reloading or going back neither shows it again nor changes it.",
    notedTitle: "Have you noted your new PIN?",
    notedIntro:
      "The PIN will not be shown again. Before you continue, check that you wrote it down or downloaded the card.",
    notedYes: "Yes, I have noted it: continue",
    notedNoTitle: "You did not note the PIN?",
    replaceIntro:
      "You can generate a replacement PIN, shown to you at once. The PIN shown before will stop working.",
    replaceConfirm: "I understand: the PIN shown before will stop working",
    replaceButton: "Generate a replacement PIN",
    replaceWindow:
      "A replacement can be asked for within 15 minutes of the change; after that, call the Contact Centre on +39 06 164164.",
  },
  contacts: {
    title: "My contacts",
    intro:
      "The contacts registered with the PIN are used for INPS messages and to recover the PIN if you lose it: online recovery needs at least two of them.",
    registered: "Registered contacts",
    kind: { mobile: "Mobile", email: "E-mail", pec: "PEC" },
    field: { kind: "Contact to change", value: "New value", pin: "PIN", code: "Code received" },
    valueHint:
      "The mobile with the international prefix (e.g. +54 9 11 2345 6789), or the address.",
    pin: "PIN",
    pinHint: "For your security, type your PIN again (it counts for 5 minutes).",
    changeTitle: "Add or change a contact",
    changeIntro:
      "We send a 6-digit code to the new contact: type it on the next page within 10 minutes. The previous contact will be told.",
    sendCode: "Send the code",
    remove: "Remove",
    codeTitle: "Type the code you received",
    codeIntro:
      "We sent a 6-digit code to the new contact ({{kind}}). It lasts 10 minutes, with at most 5 tries.",
    confirm: "Confirm the new contact",
    back: "← My contacts",
    changed: "Contact updated.",
    removed: "Contact removed.",
    link: "My contacts",
    linkText: "Mobile, e-mail and PEC registered with the PIN.",
  },
  area: {
    title: "Personal area",
    welcome: "Welcome, {{name}}.",
    level: "PIN type",
    ordinary: "Ordinary (consultation and filing claims)",
    dispositive: "Dispositive (all services)",
    expires: "Your PIN expires on",
    contributionsText: "Your working periods and recorded contributions.",
    slipsText: "Your monthly pension payments.",
    open: "Open",
    back: "← Personal area",
  },
  contributions: {
    title: "Contribution statement",
    none: "No contributions are recorded.",
    total: "Total: {{weeks}} weeks ({{years}} years and {{months}} months).",
    caption: "Contribution periods, oldest first",
    period: "Period",
    employer: "Employer",
    kind: "Type",
    weeks: "Weeks",
    earnings: "Earnings",
    totals: "Total",
    downloadPdf: "Download the statement (PDF)",
    kinds: {
      employee: "Employment",
      self_employed: "Self-employment",
      voluntary: "Voluntary contributions",
      figurative: "Credited contributions",
    },
  },
  slips: {
    title: "Pension slip",
    none: "No pension payments are recorded.",
    caption: "Monthly payments, newest first",
    month: "Month",
    category: "Pension",
    gross: "Gross",
    tax: "Deductions",
    net: "Net",
    pdf: "PDF",
    downloadPdf: "Download the slip of {{month}} (PDF)",
    thirteenth: "incl. 13th-month payment (tredicesima)",
    categories: {
      VO: "Old-age pension",
      SO: "Survivor's pension",
      IO: "Ordinary disability allowance",
    },
  },
};
