/** English catalogue: errors (same keys as the Italian one, type-checked). */
import type { errors as italian } from "../it/errors.ts";

export const errors: typeof italian = {
  errors: {
    MALFORMED_REQUEST: {
      title: "Unreadable request",
      detail: "What was sent is not a valid form.",
    },
    VALIDATION_FAILED: {
      title: "Some details are not correct",
      detail: "Check the fields shown and try again.",
    },
    UNSUPPORTED_MEDIA_TYPE: { title: "Unsupported format", detail: "Send the data as JSON." },
    PAYLOAD_TOO_LARGE: { title: "Too much data", detail: "What was sent is larger than allowed." },
    NOT_FOUND: { title: "Page not found", detail: "The address you asked for does not exist." },
    METHOD_NOT_ALLOWED: {
      title: "Operation not allowed",
      detail: "This address does not accept this operation.",
    },
    RESIDENT_IN_ITALY: {
      title: "The PIN is only for people living abroad",
      detail:
        "Residents of Italy access INPS services with SPID, the Electronic Identity Card (CIE) or the National Services Card (CNS).",
    },
    ITALIAN_DOCUMENT_DECLARED: {
      title: "With an Italian document, use SPID or CIE",
      detail:
        "The PIN is only issued to people without an Italian identity document. With an Italian document you can get SPID or the CIE.",
    },
    PIN_ALREADY_ACTIVE: {
      title: "A PIN already exists for this fiscal code",
      detail:
        "If you lost it, or one of its two parts never arrived, call the Contact Centre on +39 06 164164: there is no need for another claim.",
    },
    INVALID_CREDENTIALS: {
      title: "Fiscal code or PIN not correct",
      detail:
        "Check your details and try again. After 10 wrong attempts access is locked for 5 minutes.",
    },
    PIN_LOCKED: {
      title: "Access locked",
      detail:
        "Too many wrong attempts. Wait 5 minutes without trying: any attempt during the lock restarts it.",
    },
    LOGIN_SUSPENDED: {
      title: "PIN login suspended from this device",
      detail:
        "There have been too many wrong attempts. Log in from the computer or phone you usually use, or call the Contact Centre on +39 06 164164 to unlock your PIN after an identity check.",
    },
    PIN_NOT_ELIGIBLE: {
      title: "Your PIN is no longer valid",
      detail:
        "Since 1 October 2021 the PIN is only for people living abroad without an Italian document. Please use SPID, CIE or CNS.",
    },
    AUTHENTICATION_REQUIRED: {
      title: "Please log in",
      detail: "Log in with your fiscal code and PIN to continue.",
    },
    SESSION_EXPIRED: {
      title: "Your session has ended",
      detail:
        "For your security the session ends after 15 minutes without activity. Log in again: you will come back to the page you were on.",
    },
    PIN_CHANGE_REQUIRED: {
      title: "Get your new PIN first",
      detail: "At first access the system generates the 8-character PIN you will use from now on.",
    },
    RENEWAL_REQUIRED: {
      title: "Your PIN has expired",
      detail: "The PIN expires every 6 months: get your new PIN to continue.",
    },
    NO_PIN_CHANGE_PENDING: {
      title: "No PIN change pending",
      detail: "The new PIN has already been generated in this session.",
    },
    PIN_ALREADY_SHOWN: {
      title: "The new PIN has already been shown",
      detail:
        "The PIN was generated and shown a moment ago. If you did not note it, you can ask for a replacement: the PIN shown before will stop working.",
    },
    LOGGED_IN: {
      title: "You are already logged in",
      detail: "This is for people who have not logged in yet. Log out and try again.",
    },
    CSRF_INVALID: {
      title: "Form expired",
      detail: "For your security the form expired. Reload the page and try again.",
    },
    CROSS_SITE_REQUEST: {
      title: "Request not allowed",
      detail: "The request came from another website and was not carried out.",
    },
    LINK_INVALID: {
      title: "The link is no longer valid",
      detail:
        "The link was already used, has expired (it lasts 24 hours) or was replaced by a newer request. If needed, make a new request.",
    },
    PIN_REVOKED: {
      title: "This PIN has been revoked",
      detail:
        "A revoked PIN no longer works and cannot be recovered. To log in again, make a new PIN claim.",
    },
    REAUTHENTICATION_REQUIRED: {
      title: "Your PIN is needed again",
      detail: "To change your contacts, type your PIN again: it counts for 5 minutes.",
    },
    CODE_INVALID: {
      title: "Invalid code",
      detail:
        "The code is wrong or has expired (it lasts 10 minutes, 5 tries). If needed, ask for a new code.",
    },
    ALREADY_DISPOSITIVE: {
      title: "The PIN is already dispositive",
      detail: "Your PIN is already dispositive: you can request benefits directly.",
    },
    CONVERSION_PENDING: {
      title: "Request already sent",
      detail:
        "You already have a request for a dispositive PIN under review: wait for the answer before sending another.",
    },
    CONVERSION_DECIDED: {
      title: "Request already decided",
      detail: "This request for a dispositive PIN has already been approved or rejected.",
    },
    LAST_CONTACT: {
      title: "At least one contact is needed",
      detail: "You cannot remove the last registered contact: add another one first.",
    },
    STAFF_AUTHENTICATION_REQUIRED: {
      title: "Staff login required",
      detail: "Log in with your username, password and authenticator app code.",
    },
    STAFF_SESSION_EXPIRED: {
      title: "Session expired",
      detail:
        "Your session expired (15 minutes without activity or 10 hours since login). Please log in again.",
    },
    STAFF_FORBIDDEN: {
      title: "Not allowed",
      detail: "Your role does not allow this function.",
    },
    STAFF_LOGIN_FAILED: {
      title: "Login failed",
      detail: "Username, password or code not correct.",
    },
    STAFF_LOCKED: {
      title: "Account locked",
      detail: "Too many failed attempts: the account is locked for 15 minutes.",
    },
    ENROLMENT_INVALID: {
      title: "Enrolment link not valid",
      detail: "The link has expired or was already used. Ask your supervisor for a new link.",
    },
    ENROLMENT_STARTED: {
      title: "Enrolment already started",
      detail:
        "A password was already chosen with this link: confirm with the app's code or ask for a new link.",
    },
    ENROLMENT_OTHER_BROWSER: {
      title: "Enrolment started elsewhere",
      detail:
        "The enrolment was started in another browser. Finish it there or ask your supervisor for a new link.",
    },
    // The office desk (issue 7, desk).
    DESK_NOT_ELIGIBLE: {
      title: "The PIN cannot be issued",
      detail:
        "The person does not qualify: the PIN is only for people who live abroad, are in the INPS archive and have no Italian identity document.",
    },
    DESK_ALREADY_ISSUED: {
      title: "PIN already issued with this form",
      detail: "The form was already sent: no second PIN is issued.",
    },
    DESK_NO_PIN: {
      title: "No active PIN",
      detail: "The person has no active PIN: they may claim one at the desk with form MV35.",
    },
    DESK_CONFLICT: {
      title: "Changed meanwhile",
      detail: "The person's PIN changed while the request was running. Try again.",
    },
    DELEGATION_EXISTS: {
      title: "Delegation already registered",
      detail:
        "A delegation between these two people is already running: end it before registering a new one.",
    },
    DELEGATION_ENDED: {
      title: "Delegation already ended",
      detail: "The delegation has already ended.",
    },
    USERNAME_TAKEN: { title: "Username taken", detail: "Choose another username." },
    // Contact centre (issue 7).
    IDENTITY_CHECK_REQUIRED: {
      title: "Identity check needed",
      detail:
        "Before acting for a caller, check their identity with the questions on the archive's data (a check lasts 30 minutes, for you and that fiscal code).",
    },
    IDENTITY_CHECKS_EXHAUSTED: {
      title: "Too many failed checks",
      detail:
        "This fiscal code had too many failed identity checks in the last 24 hours. Tell the caller to go to an INPS office.",
    },
    CONTACT_CENTRE_CLOSED: {
      title: "Contact Centre closed",
      detail:
        "Call-backs happen during the Contact Centre's hours: Monday to Friday 8:00-20:00, Saturday 8:00-14:00 (Italian time), public holidays excluded.",
    },
    VERIFICATION_NOT_LEASED: {
      title: "Claim not assigned to you",
      detail:
        "This claim is not (or no longer) assigned to you: the assignment expired or another agent took it. Take the next one from the queue.",
    },
    CLAIM_CHECKS_FAILED: {
      title: "The data do not match the archive",
      detail:
        "Some data do not match the INPS archive: check them again with the caller. No PIN was issued.",
    },
    CLAIM_NOT_ISSUABLE: {
      title: "PIN cannot be issued",
      detail:
        "No PIN can be issued: the fiscal code is not in the archive or, according to the archive, the person may not hold a PIN (residence in Italy or an Italian document). Reject the claim with the reason.",
    },
    CONTACT_ALREADY_REGISTERED: {
      title: "Contact already registered",
      detail:
        "This kind of contact is already registered: to change it, the holder uses the online contacts page.",
    },
    NO_CONTACT_REGISTERED: {
      title: "No contact registered",
      detail: "By phone a contact can be added only when at least one is already registered.",
    },
    NO_ACTIVE_PIN: {
      title: "No active PIN",
      detail: "This fiscal code has no active PIN.",
    },
    LETTER_RESEND_REFUSED: {
      title: "No new letter possible",
      detail:
        "The letter cannot be sent again: it needs an unused initial PIN, the letter must be overdue (20 days), and it can be asked at most 3 times in 90 days.",
    },
    APPOINTMENT_SLOT_FULL: {
      title: "Time no longer available",
      detail: "Someone has just booked the last place at this time. Please choose another time.",
    },
    // Issue 7, areas review and supervisor.
    SEGREGATION_OF_DUTIES: {
      title: "Decision reserved to another member of staff",
      detail: "You registered this fax: another reviewer must decide it (segregation of duties).",
    },
    REVIEW_ITEM_TAKEN: {
      title: "Request being reviewed by someone else",
      detail: "Another reviewer is working on this request. Choose another one.",
    },
    STAFF_OWN_ACCOUNT: {
      title: "Not allowed on your own account",
      detail: "Another supervisor can disable or reset your account.",
    },
    WEBHOOK_SIGNATURE_INVALID: {
      title: "Invalid signature",
      detail: "The report's signature or timestamp is missing, does not match or is out of time.",
    },
    WEBHOOK_REPLAYED: {
      title: "Report already received",
      detail: "This report was already received: nothing changes.",
    },
    MESSAGE_NOT_ABANDONED: {
      title: "Message not abandoned",
      detail:
        "Only an abandoned message can be sent again: this one is queued, being sent or already sent.",
    },
    MESSAGE_SECRET_GONE: {
      title: "Message can no longer be sent",
      detail:
        "Its content (and the PIN half it carried) was erased after the retention period: the citizen must ask again (new letter or recovery).",
    },
    METRICS_TOKEN_REQUIRED: {
      title: "Metrics token required",
      detail: "The metrics are served with the bearer token configured in METRICS_TOKEN.",
    },
    METRICS_LOOPBACK_ONLY: {
      title: "Metrics reserved to this machine",
      detail: "Without METRICS_TOKEN the metrics answer only callers on this machine.",
    },
    RATE_LIMITED: {
      title: "Too many requests",
      detail: "Too many requests arrived in a short time. Please try again later.",
    },
    OVERLOADED: { title: "Service very busy", detail: "Please try again in a few seconds." },
    INTERNAL: { title: "Service error", detail: "Something went wrong. Please try again later." },
  },
};
