/** English catalogue: field messages (same keys as the Italian one, type-checked). */
import type { fields as italian } from "../it/fields.ts";

export const fields: typeof italian = {
  field: {
    confirm_replacement: "Confirm that the PIN shown before will stop working.",
    required_for_sms:
      "A mobile number is needed to receive the first part of the PIN by SMS (or choose e-mail).",
    required_for_email:
      "An e-mail address is needed to receive the first part of the PIN by e-mail (or choose SMS).",
    two_contacts_required: "Give at least two of mobile, e-mail and PEC, as you gave them to INPS.",
    first_half_shape:
      "The first part of the PIN has 8 characters (letters and digits, no 0, O, 1, I, L): it is in the SMS or e-mail.",
    health_card_number: "The health card number has 20 digits (on the back of the card).",
    email_or_pec_required: "Give an e-mail or PEC address where the confirmation can go.",
    code_shape: "The code has 6 digits.",
    password_too_short: "The password needs at least 12 characters.",
    password_too_long: "The password may have at most 128 characters.",
    password_contains_username: "The password may not contain the username.",
    password_too_simple: "The password is too simple: use different characters.",
    totp_shape: "The code has 6 digits (or is a 10-character recovery code).",
    username_shape: "The username has 3 to 40 characters: lower-case letters, digits, dot, dash.",
    reason_required: "Say why you open the record (the call, the appointment, the review item).",
    required: "This field is required.",
    invalid_iban:
      "The IBAN is not correct: check the letters and digits (for example AR12 3456 …).",
    invalid_option: "Choose one of the options offered.",
    unknown_benefit: "Choose a benefit from the list.",
    file_required: "Choose the file to upload.",
    upload_empty: "The file “{{file}}” is empty.",
    upload_too_large:
      "The file “{{file}}” is over 10 MB: make it smaller (for example a scan at 200 dpi).",
    upload_file_type:
      "The file “{{file}}” is not a PDF, a JPEG or a PNG (its content counts, not its name).",
    upload_active_content:
      "The file “{{file}}” contains web-page code and cannot be accepted: upload a scan or a photo.",
    upload_pdf_encrypted: "The PDF “{{file}}” is password-protected: save it without protection.",
    upload_pdf_javascript:
      "The PDF “{{file}}” contains programs (JavaScript or actions): print it to a new PDF or upload a scan.",
    upload_pdf_embedded_file:
      "The PDF “{{file}}” carries other files attached: upload the document only.",
    upload_pdf_too_complex:
      "The PDF “{{file}}” is too complex to be checked: print it to a new PDF or upload a scan.",
    upload_too_many_pixels:
      "The image “{{file}}” is too large (too many pixels): photograph or scan it at a lower resolution.",
    // The office desk (issue 7, desk).
    applicant_present_required:
      "The applicant must be present in person: a delegate may not claim the PIN.",
    document_expired: "The document has expired: a valid document is needed.",
    delegator_unknown: "The delegator's fiscal code is not in the INPS archive.",
    delegate_same_person: "The delegate must be someone other than the delegator.",
    delegator_not_minor: "The delegator is not a minor: an adult needs another capacity.",
    authority_required: "For form AA10 state the applicant's capacity.",
    date_in_past: "The date cannot be in the past.",
    end_before_start: "The end must be on or after the start.",
    end_required: "State the delegation's end date.",
    invalid_form: "Choose form AA08, AA09 or AA10.",
    upload_unreadable: "The file “{{file}}” is damaged or unreadable.",
    too_long: "The text is too long.",
    invalid: "Invalid value.",
    invalid_type: "Invalid value.",
    invalid_name: "Use only letters, spaces, apostrophes and hyphens.",
    invalid_country: "Choose a country from the list.",
    invalid_date: "Enter a real date (day, month, year).",
    date_in_future: "The date cannot be in the future.",
    invalid_sex: "Choose Female or Male.",
    invalid_email: "Enter a valid e-mail address, for example name@example.com.",
    invalid_delivery: "Choose SMS or e-mail.",
    invalid_document_type: "Choose the document type.",
    invalid_document_number: "The document number has 3 to 30 letters or digits.",
    invalid_postal_code: "The postal code is not valid for your country of residence.",
    invalid_phone:
      "The mobile number is not valid: write it with the international prefix, e.g. +54 9 11 2345 6789.",
    not_mobile: "A mobile number is needed, not a landline.",
    fiscal_code_length: "The fiscal code has 16 characters.",
    fiscal_code_format: "The fiscal code does not have the right format.",
    fiscal_code_check_character: "The fiscal code is not correct: check each character.",
    fiscal_code_birth_date: "The fiscal code is not correct (birth date).",
    fiscal_code_birth_place: "The fiscal code is not correct (birth place).",
    pin_length: "The PIN has 16 characters at first access, then 8.",
    pin_characters: "A PIN never contains 0, O, 1, I or L: check the characters.",
    resident_in_italy: "The PIN is only for people living abroad: in Italy use SPID, CIE or CNS.",
    italian_document: "With an Italian document you can get SPID or CIE instead of the PIN.",
    // Contact centre (issue 7).
    archive_mismatch: "Does not match the INPS archive: check it again with the caller.",
    // Desk appointments (issue 7, appointments).
    slot_unavailable: "This time cannot be booked: choose one of the free times offered.",
    contact_required: "Give a mobile number or an e-mail address for the confirmation.",
    booking_code_shape:
      "The booking code has 16 characters (letters and digits), e.g. 7K3M-Q9XA-2BDF-HT0R.",
    date_range: "Choose a valid range of dates (at most 31 days).",
    invalid_office: "Choose an office from the list.",
    booking_code_unknown:
      "No appointment to cancel with this code: check the code (past or cancelled appointments cannot be cancelled).",
    attendance_not_yet: "Attendance is recorded from the day of the appointment.",
    // Issue 7, areas review and supervisor.
    decision_invalid: "Choose whether to approve or reject the request.",
    reason_code_required: "Choose the reason for the rejection.",
    note_required: "Describe the reason in the note.",
    note_invalid: "The note can be at most 500 characters long.",
    no_active_pin: "This person has no active PIN: a dispositive PIN request cannot be registered.",
    fax_files_required: "Choose the file (or files) with the pages received.",
    upload_fax_file_type:
      "The file “{{file}}” is not a TIFF, PDF, JPEG or PNG (its content counts, not its name).",
    upload_too_many_pages: "The fax “{{file}}” has too many pages (at most 20 per intake).",
    too_many_pages: "Too many pages in one intake (at most 20).",
    unknown_staff: "No member of staff has this username.",
    event_type_invalid: "An event type looks like “area.event”, e.g. staff.record_opened.",
    period_invalid: "The period is not valid: the start date comes before the end date.",
  },
};
