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
    mobileHint: "With the international prefix, for example +54 9 11 2345 6789.",
    email: "E-mail",
    delivery: "How do you want to receive the first 8 characters of the PIN?",
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
    reference: "Claim reference number: {{reference}}",
    issuedStep1:
      "Shortly you will receive the first 8 characters of the PIN by SMS or e-mail, as you chose.",
    issuedStep2: "The other 8 characters will come in a letter to your home address.",
    issuedStep3:
      "When you have both, log in with your fiscal code and the 16 characters: the system will give you your 8-character PIN.",
    goLogin: "Go to log in",
    pendingText:
      "To complete the claim an INPS Contact Centre operator will call you on the number you gave for a few checks. We have sent you a confirmation e-mail.",
  },
};
