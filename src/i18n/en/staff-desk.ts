/** English catalogue: office desk (MV35, conversion in person, delegations). */
import type { staffDesk as italian } from "../it/staff-desk.ts";

export const staffDesk: typeof italian = {
  desk: {
    title: "Office desk",
    mv35: {
      nav: "Dispositive PIN in person (MV35)",
      title: "Dispositive PIN claimed in person (form MV35)",
      intro:
        "The applicant must be present in person: a delegate may not claim a PIN. Check the identity document before issuing the PIN.",
      present: "I confirm the applicant is present in person at the desk (no delegate)",
      contactsLegend: "The applicant's contacts",
      mobile: "Mobile (with international prefix)",
      email: "E-mail",
      lang: "Language of the messages to the citizen",
      submit: "Issue the dispositive PIN",
      issuedTitle: "Dispositive PIN issued",
      issuedIntro:
        "Hand the 16-character PIN over to the applicant: print it now. It is shown only this once, and the printout can be downloaded once, within 5 minutes.",
      pinLabel: "Initial PIN (16 characters)",
      replaced: "The applicant's previous PIN no longer works.",
      print: "Print the PIN (PDF)",
      firstAccess:
        "At the first login with these 16 characters the citizen gets the 8-character PIN to use from then on.",
      alreadyIssued:
        "This form was already sent: the PIN was issued. If you have not printed it yet, use the button below; otherwise the PIN can no longer be shown.",
      printGone:
        "The printout is no longer available (already downloaded or expired). The PIN is not kept: if the applicant does not have it, issue a new PIN.",
      another: "New MV35 claim",
    },
    conversion: {
      nav: "Converting the PIN to dispositive",
      title: "Converting the PIN to dispositive at the desk",
      intro:
        "Once the identity document is checked the citizen's PIN becomes dispositive and their waiting benefit claims go into processing.",
      submit: "Make the PIN dispositive",
      done: "The PIN is now dispositive",
      doneText:
        "Benefit claims moved into processing: {{claims}}. The new level applies from the citizen's next login.",
    },
    delegations: {
      nav: "Digital identity delegations",
      title: "Digital identity delegations",
      intro:
        "Look up a person's delegations (given and received), stating why, or register a new delegation with the documents its form requires.",
      search: "Look up delegations",
      newLink: "Register a new delegation",
      newTitle: "Registering a delegation",
      newIntro:
        "Choose the form and attach a scan of each required document (PDF, JPEG or PNG, at most 10 MB each). Without every document the delegation cannot be registered.",
      delegator: "Fiscal code of the delegator (the person represented)",
      delegate: "Fiscal code of the delegate",
      form: "Form",
      forms: {
        AA08: "AA08 - the delegator is present at the desk",
        AA09: "AA09 - the delegator cannot come for health reasons",
        AA10: "AA10 - parents of minors, guardians, curators, support administrators",
      },
      authority: "The applicant's capacity (form AA10 only)",
      authorities: {
        parent: "Parent of a minor",
        guardian: "Guardian",
        curator: "Curator",
        support_administrator: "Support administrator",
      },
      documentsLegend: "Documents (required according to the form)",
      documents: {
        signed_form: "Signed form (AA08, AA09 or AA10)",
        delegator_id_copy: "Copy of the delegator's identity document (AA08)",
        health_certificate: "Certificate of an SSN doctor that the delegator cannot come (AA09)",
        delegator_id_original: "The delegator's original identity document, scanned (AA09)",
        delegate_id_copy: "Copy of the delegate's identity document (AA09)",
        applicant_id_copy: "Copy of the applicant's identity document (AA10)",
        authority_proof: "Self-certification of parental authority or the court order (AA10)",
      },
      startDate: "Start (YYYY-MM-DD)",
      endDate: "End (YYYY-MM-DD)",
      endDateHint:
        "For a minor (AA10, parent) the delegation ends at the latest the day before the 18th birthday; left empty, it ends then.",
      register: "Register the delegation",
      registered: "Delegation registered",
      registeredText: "The delegation ends on {{date}}.",
      listCaption: "Delegations of {{fiscalCode}}",
      none: "No delegation registered for this person.",
      colRole: "The person's role",
      colOther: "Other person",
      colForm: "Form",
      colPeriod: "Period",
      colStatus: "Status",
      colAction: "Action",
      roleDelegator: "Delegator",
      roleDelegate: "Delegate",
      period: "from {{from}} to {{to}}",
      end: "End the delegation",
      ended: "Delegation ended",
    },
    document: {
      legend: "Identity document checked",
      type: "Document type",
      types: {
        passport: "Passport",
        identity_card: "Identity card",
        driving_licence: "Driving licence",
        residence_permit: "Residence permit",
        other: "Other document",
      },
      number: "Document number",
      issuingCountry: "Issuing country",
      expiry: "Expiry (YYYY-MM-DD)",
    },
    reason: {
      legend: "Reason",
      kind: "Occasion",
      kinds: {
        call: "Call",
        appointment: "Appointment at the desk",
        review_item: "Case",
        desk_visit: "Visit to the desk without an appointment",
        fax: "Fax",
      },
      ref: "Reference (booking code or case number)",
    },
    status: {
      scheduled: "Scheduled",
      active: "Active",
      expired: "Expired",
      ended: "Ended",
    },
  },
  deskCitizen: {
    link: "Delegations",
    linkText: "The delegations you gave and those you received, registered at an INPS office.",
    title: "Your delegations",
    intro:
      "A delegation lets a trusted person use the INPS services for someone who cannot do so alone. It is registered and ended only at the desk of an INPS office, by appointment.",
    given: "Delegations given (people acting for you)",
    received: "Delegations received (people you act for)",
    none: "No delegations.",
    person: "Person",
    form: "Form",
    from: "From",
    to: "To",
    status: "Status",
  },
  deskMessages: {
    pin_issued: {
      sms: "INPS: a new dispositive PIN was issued to you at the {{office}} office; any previous PIN no longer works. If it was not you, call +39 06 164164.",
      subject: "New INPS PIN issued at an office",
      body: "a new dispositive PIN was issued to you in person at the {{office}} office. Any previous PIN no longer works.",
    },
    dispositive: {
      sms: "INPS: after the check of your document at the {{office}} office your PIN is now dispositive. It applies from your next login.",
      subject: "Your INPS PIN is now dispositive",
      body: "after the check of your identity document at the {{office}} office your PIN is now dispositive. It applies from your next login: log out and log in again.",
    },
    delegation_registered: {
      sms: "INPS: a delegation concerning you was registered at the {{office}} office. You find it in your personal area, under Delegations.",
      subject: "An INPS delegation was registered",
      body: "a digital identity delegation concerning you was registered at the {{office}} office. You find it in your personal area, under Delegations.",
    },
    delegation_ended: {
      sms: "INPS: a delegation concerning you was ended at the {{office}} office.",
      subject: "An INPS delegation was ended",
      body: "a digital identity delegation concerning you was ended at the {{office}} office.",
    },
    claimsReleased:
      "Your benefit claims waiting for the dispositive PIN ({{claims}}) are now being processed, with the date you filed them.",
    notYou: "If it was not you, call the Contact Centre at once.",
  },
  deskPdf: {
    title: "INPS - Dispositive PIN issued at an office",
    heading: "Your INPS PIN",
    intro:
      "This is your 16-character initial PIN, issued to you in person at the INPS office. Use it with your fiscal code for your first login to the INPS services: you will then get the 8-character PIN to use from then on.",
    holder: "Holder",
    fiscalCode: "Fiscal code",
    pin: "Initial PIN",
    level: "Level",
    levelValue: "dispositive",
    office: "Office",
    date: "Date",
    keep: "Keep this sheet in a safe place and show it to nobody: INPS will never ask you for your PIN.",
  },
};
