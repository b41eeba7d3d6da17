/** English catalogue: printable documents (same keys as the Italian one, type-checked). */
import type { documents as italian } from "../it/documents.ts";

export const documents: typeof italian = {
  documents: {
    conversionForm: {
      title: "Request to convert the PIN into a dispositive PIN",
      qrAlt: "QR code with the request reference {{reference}}",
      reference: "Request reference",
      surname: "Surname",
      givenNames: "Given names",
      fiscalCode: "Fiscal code",
      date: "Date",
      request:
        "The person named above asks INPS to convert their ordinary PIN into a dispositive PIN, so as to request benefits with the online services.",
      attachment:
        "A copy of a valid identity document (passport or a document of the country of residence) is uploaded together with this signed form.",
      privacy:
        "INPS processes the data to handle the request (EU Regulation 2016/679). Uploaded documents are kept encrypted and deleted once the retention period after the decision has passed.",
      signature: "Place and date                                                     Signature",
      howToSend:
        "Print the form, sign it and upload it (scan or photo, PDF, JPEG or PNG up to 10 MB) in your personal area under “Dispositive PIN”, together with the identity document. No need to post it.",
    },
    benefitReceipt: {
      title: "Receipt of a benefit claim",
      protocol: "Protocol number",
      benefit: "Benefit",
      holder: "Claimant",
      fiscalCode: "Fiscal code",
      filedAt: "Filed on",
      status: "Status",
      waiting_for_dispositive: "Waiting for the dispositive PIN",
      in_processing: "In processing",
      waiting_for_dispositiveNote:
        "The claim was filed on {{date}}: from this date the deadlines stop running. It will be processed once your PIN becomes dispositive; you can request this from your personal area.",
      in_processingNote:
        "The claim, filed on {{date}}, is being processed. Keep this receipt and the protocol number.",
    },
    common: {
      holder: "Holder: {{name}}",
      fiscalCode: "Fiscal code: {{fiscalCode}}",
      generatedOn: "Document produced on {{date}}",
      page: "Page {{page}} of {{pages}}",
    },
    statement: {
      title: "INPS - Contribution statement",
      period: "from {{from}} to {{to}}",
      note: "The weeks are those that count towards the pension; the earnings are the taxable pay recorded for the period.",
    },
    slip: {
      title: "INPS - Pension slip, {{month}}",
      monthWithThirteenth: "{{month}}, including the thirteenth payment",
      thirteenth:
        "The December payment includes the thirteenth monthly payment (tredicesima): this is why the gross amount, the deductions and the net amount are higher than in other months.",
    },
    sender: {
      // The sender's postal address stays as INPS writes it; only the country is translated.
      name: "INPS - Istituto Nazionale della Previdenza Sociale",
      office: "Direzione Centrale Tecnologia, Informatica e Innovazione",
      street: "Via Ciro il Grande 21",
      city: "00144 Roma",
      country: "ITALY",
      returnAddress: "INPS - Via Ciro il Grande 21 - 00144 Roma - ITALY",
    },
    letter: {
      title: "INPS PIN - second part",
      place: "Rome, {{date}}",
      reference: "Claim reference: {{reference}}",
      fiscalCode: "Fiscal code: {{fiscalCode}}",
      subject: "Your INPS PIN - second part",
      greeting: "Dear {{name}},",
      intro: "with this letter we send you the second part of your INPS PIN.",
      halves:
        "The full PIN has 16 characters. The first 8 characters (the first part) have already been sent to you by text message (SMS) or by e-mail. Below you will find the last 8 characters (the second part).",
      pinLabel: "Second part of the PIN (last 8 characters)",
      stepsTitle: "How to use the PIN",
      steps: {
        join: "First write the 8 characters you received by SMS or e-mail, and straight after them the 8 characters in this letter, without spaces: 16 characters in all.",
        login:
          "Go to the website www.inps.it, choose to log in with the PIN, and enter your Italian fiscal code (codice fiscale) and the 16-character PIN.",
        newPin:
          "The first time you log in, the system gives you a new 8-character PIN. Write it down or print the PIN card: from then on you will use only the new PIN.",
      },
      warning:
        "Your PIN is personal and secret: do not tell it to anyone and keep it separate from your fiscal code. INPS will never ask you for your PIN by phone or e-mail.",
      contact:
        "If you need help, call the INPS Contact Centre on +39 06 164164 (charged at your operator's rate), Monday to Friday 8:00-20:00 and Saturday 8:00-14:00, Italian time.",
      closing: "Yours sincerely",
      summary:
        "English: this letter contains the second part (the last 8 characters) of your INPS PIN. Help: +39 06 164164.",
    },
    card: {
      title: "INPS - PIN card",
      holder: "Holder",
      fiscalCode: "Fiscal code",
      pin: "PIN",
      level: "Level",
      levels: { ordinary: "ordinary", dispositive: "dispositive" },
      issued: "Issued {{date}}",
      expires: "Expires {{date}}",
      cardWarning: "Secret PIN: never tell it to anyone.",
      heading: "Your PIN card",
      print: "Print this page and cut out the card along the dashed line.",
      secret:
        "Your PIN is personal and secret: do not tell it to anyone. Keep the card in a safe place, separate from the documents that show your fiscal code (for example the health card). INPS will never ask you for your PIN by phone or e-mail.",
      expiry:
        "The PIN expires on {{date}}. After that date, when you log in with the old PIN the system guides you to create a new one.",
      help: "Help: INPS Contact Centre +39 06 164164, Monday to Friday 8:00-20:00 and Saturday 8:00-14:00, Italian time.",
      summary: "English: keep this card and your PIN secret, and separate from your fiscal code.",
    },
  },
};
