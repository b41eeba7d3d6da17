/** English catalogue: claim, claimDone (same keys as the Italian one, type-checked). */
import type { claim as italian } from "../it/claim.ts";

export const claim: typeof italian = {
  claim: {
    title: "Claim your PIN",
    intro:
      "Fill in the form with your details as INPS records them. If they match, the PIN is issued at once; otherwise a Contact Centre operator will call you back to check them.",
    requiredNote: "Fields marked * are required.",
    identity: "Your details",
    fiscalCode: "Fiscal code",
    fiscalCodeHint: "16 characters, as on your health card or fiscal code certificate.",
    surname: "Surname",
    givenNames: "Given name(s)",
    sex: "Sex",
    sexF: "Female",
    sexM: "Male",
    birthDate: "Date of birth",
    birthDateHint: "For example 17 2 1950",
    day: "Day",
    month: "Month",
    year: "Year",
    birthCountry: "Country of birth",
    birthMunicipality: "Italian municipality of birth",
    birthMunicipalityHint: "Only if you were born in Italy.",
    residence: "Your address abroad",
    residenceIntro:
      "Use the address INPS has on file: the letter with the second part of the PIN goes there.",
    country: "Country of residence",
    line1: "Address",
    line1Hint: "Street and number.",
    line2: "Address line 2",
    city: "Town or city",
    region: "State, province or region",
    regionHint: "If your country uses one.",
    postalCode: "Postal code",
    contacts: "Contacts",
    mobile: "Mobile phone",
    contactsHint:
      "Choose how to receive the first 8 characters of the PIN: SMS needs the mobile number, e-mail the e-mail address. The other contact is optional, but it helps to recover the PIN if you lose it.",
    mobileHint:
      "With the international prefix, for example +54 9 11 2345 6789. Required only if you choose SMS.",
    emailHint: "Required only if you choose to receive the first part of the PIN by e-mail.",
    email: "E-mail",
    delivery: "How do you want to receive the first 8 characters of the PIN?",
    deliveryShort: "Sending the first part of the PIN",
    deliveryHint: "The other 8 characters always come by letter.",
    deliverySms: "SMS to my mobile",
    deliveryEmail: "E-mail",
    document: "Identity document",
    documentIntro: "A document from your country of residence or your passport.",
    documentType: "Document type",
    documentTypes: {
      passport: "Passport",
      identity_card: "Identity card",
      driving_licence: "Driving licence",
      residence_permit: "Residence permit",
      other: "Other document",
    },
    documentNumber: "Document number",
    documentCountry: "Country that issued the document",
    privacy:
      "INPS processes your data to issue the PIN (EU Regulation 2016/679). By sending the claim you declare that it is true.",
    submit: "Send the claim",
  },
  claimDone: {
    issuedTitle: "Your PIN has been issued",
    pendingTitle: "Claim received",
    reference:
      "Claim reference number: {{reference}}. Please note it: you will need it if you call the Contact Centre.",
    firstHalfSms:
      "The first 8 characters of the PIN are on their way by SMS to the number {{destination}}.",
    firstHalfEmail:
      "The first 8 characters of the PIN are on their way by e-mail to {{destination}}.",
    letter:
      "The other 8 characters come in a letter to the home address INPS has on file, in {{country}}: post usually takes {{min}} to {{max}} working days.",
    then: "When you have both parts, log in with your fiscal code and the 16 characters: the system will give you the 8-character PIN to use from then on.",
    ifMissingTitle: "If something does not arrive",
    ifSmsMissing:
      "SMS: check that your phone is on and reachable abroad. If it has not arrived within a day, call the Contact Centre. Do not send a new claim: the PIN already exists.",
    ifEmailMissing:
      "E-mail: check your spam folder too. If it has not arrived within a day, call the Contact Centre. Do not send a new claim: the PIN already exists.",
    ifLetterMissing:
      "Letter: if it has not arrived within {{days}} working days, you can ask for a new one online with the first part of the PIN (or call the Contact Centre with the reference number).",
    contactCentre:
      "INPS Contact Centre: +39 06 164164 from abroad and from mobiles, 803 164 free from Italian landlines; Monday to Friday 8:00-20:00, Saturday 8:00-14:00, Italian time.",
    goLogin: "Go to log in",
    pendingText:
      "Some of your details could not be checked automatically against the INPS records. You do not need to do anything: a Contact Centre operator will call you from {{number}} within {{days}} working days (Monday to Friday 8:00-20:00, Saturday 8:00-14:00, Italian time) to check them with you.",
    pendingConfirmation: "We have sent a confirmation to {{destination}}.",
    pendingPrepare: "Please keep the identity document you gave in the claim at hand.",
    pendingNoCall:
      "If you have not been called within {{days}} working days, call the Contact Centre yourself and give your reference number.",
  },
};
