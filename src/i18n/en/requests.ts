/** English catalogue: dispositive PIN (conversion with uploads) and benefit claims. */
import type { requests as italian } from "../it/requests.ts";

export const requests: typeof italian = {
  conversion: {
    link: "Dispositive PIN",
    linkText:
      "Convert your ordinary PIN to dispositive to request benefits: a form to sign and an identity document.",
    title: "Dispositive PIN",
    intro:
      "With a dispositive PIN you can request benefits. To get it: download the pre-filled form, print and sign it, then upload it here with a copy of an identity document.",
    alreadyDispositive: "Your PIN is already dispositive.",
    alreadyDispositiveText: "You can file benefit claims, which go straight to processing.",
    levelNote:
      "Your PIN became dispositive: the current session stays ordinary. Log out and log in again to use the new level.",
    step1: "1. Download and sign the form",
    step1Text:
      "The form carries your details and a reference (also as a QR code) that links the signed paper to your request.",
    download: "Download the form (PDF)",
    step2: "2. Upload the signed form and the document",
    signedForm: "Signed form",
    identityDocument: "Identity document",
    fileHint: "PDF, JPEG or PNG, at most 10 MB. A sharp photo taken with your phone is fine.",
    identityHint:
      "Passport or a document of your country of residence, the page with the photo. PDF, JPEG or PNG, at most 10 MB.",
    submit: "Send the request",
    privacy:
      "Files are stored encrypted, seen only by the INPS staff who decide the request and deleted once the retention period after the decision has passed. Hidden data (such as the location) is removed from photos.",
    status: "Status of the request",
    reference: "Reference",
    submittedAt: "Sent on",
    decidedAt: "Decided on",
    reason: "Reason",
    submitted: "Under review: you will receive a message with the outcome.",
    approved: "Approved",
    rejected: "Rejected",
    cancelled: "Closed: the PIN was revoked while it was under review.",
    sent: "Request sent",
    sentText: "Your request is under review. You will receive a message with the outcome.",
    otherWays:
      "Alternatively you can fax the signed form to the Contact Centre or hand it in at an INPS office, by appointment.",
    goToClaims: "Go to benefit claims",
  },
  benefits: {
    link: "Benefit claims",
    linkText: "File a claim (pension, recalculation, payment abroad) and download the receipt.",
    title: "Benefit claims",
    intro:
      "You can file a claim with an ordinary PIN too: the filing date stops the deadlines. The claim will be processed once your PIN becomes dispositive.",
    introDispositive: "Your PIN is dispositive: the claims you file go straight to processing.",
    mine: "Your claims",
    none: "You have not filed any claim yet.",
    protocol: "Protocol",
    benefit: "Benefit",
    filedAt: "Filed on",
    status: "Status",
    receipt: "Receipt (PDF)",
    receiptOf: "receipt of claim {{protocol}}",
    waiting_for_dispositive: "Waiting for the dispositive PIN",
    in_processing: "In processing",
    catalogue: "Benefits you can request",
    start: "File the claim",
    formTitle: "Claim: {{benefit}}",
    dateHint: "For example 2025-12-31 (year-month-day).",
    ibanHint: "As it appears on your bank statement, for example AR12 3456 7890 ….",
    submit: "File the claim",
    filed: "Claim filed",
    filedText: "Protocol {{protocol}}. Keep the receipt.",
    needDispositive: "To have it processed you need the dispositive PIN:",
    back: "Back to benefit claims",
  },
};
