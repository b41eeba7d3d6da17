/** Italian catalogue: the messages tied to a form field (validation), by field code. */
export const fields = {
  field: {
    confirm_replacement: "Confermi che il PIN mostrato prima smetterà di funzionare.",
    required_for_sms:
      "Serve il cellulare per ricevere per SMS la prima parte del PIN (oppure scelga l'e-mail).",
    required_for_email:
      "Serve l'e-mail per ricevere per e-mail la prima parte del PIN (oppure scelga l'SMS).",
    two_contacts_required:
      "Indichi almeno due contatti tra cellulare, e-mail e PEC, come li ha comunicati all'INPS.",
    first_half_shape:
      "La prima parte del PIN ha 8 caratteri (lettere e cifre, senza 0, O, 1, I, L): la trova nell'SMS o nell'e-mail.",
    health_card_number: "Il numero della tessera sanitaria ha 20 cifre (sul retro della tessera).",
    email_or_pec_required: "Indichi un'e-mail o una PEC dove ricevere la conferma.",
    code_shape: "Il codice ha 6 cifre.",
    password_too_short: "La password deve avere almeno 12 caratteri.",
    password_too_long: "La password può avere al massimo 128 caratteri.",
    password_contains_username: "La password non può contenere il nome utente.",
    password_too_simple: "La password è troppo semplice: usi caratteri diversi.",
    totp_shape: "Il codice ha 6 cifre (o è un codice di recupero di 10 caratteri).",
    username_shape:
      "Il nome utente ha da 3 a 40 caratteri: lettere minuscole, cifre, punto, trattino.",
    reason_required:
      "Indichi il motivo per cui apre la scheda (la chiamata, l'appuntamento, la pratica).",
    required: "Campo obbligatorio.",
    invalid_iban:
      "L'IBAN non è corretto: controlli le lettere e le cifre (ad esempio AR12 3456 …).",
    invalid_option: "Scelga una delle voci proposte.",
    unknown_benefit: "Scelga una prestazione dell'elenco.",
    file_required: "Scelga il file da caricare.",
    upload_empty: "Il file «{{file}}» è vuoto.",
    upload_too_large:
      "Il file «{{file}}» supera 10 MB: lo riduca (ad esempio una scansione a 200 dpi).",
    upload_file_type:
      "Il file «{{file}}» non è un PDF, un JPEG o un PNG (conta il contenuto, non il nome).",
    upload_active_content:
      "Il file «{{file}}» contiene codice di una pagina web e non può essere accettato: carichi una scansione o una foto.",
    upload_pdf_encrypted: "Il PDF «{{file}}» è protetto da password: lo salvi senza protezione.",
    upload_pdf_javascript:
      "Il PDF «{{file}}» contiene programmi (JavaScript o azioni): lo stampi come nuovo PDF o carichi una scansione.",
    upload_pdf_embedded_file:
      "Il PDF «{{file}}» contiene altri file allegati: carichi solo il documento.",
    upload_pdf_too_complex:
      "Il PDF «{{file}}» è troppo complesso per essere controllato: lo stampi come nuovo PDF o carichi una scansione.",
    upload_too_many_pixels:
      "L'immagine «{{file}}» è troppo grande (troppi pixel): la fotografi o la scansioni a una risoluzione più bassa.",
    upload_unreadable: "Il file «{{file}}» è danneggiato o illeggibile.",
    // The office desk (issue 7, desk).
    applicant_present_required:
      "Il richiedente deve essere presente di persona: un delegato non può richiedere il PIN.",
    document_expired: "Il documento è scaduto: serve un documento valido.",
    delegator_unknown: "Il codice fiscale del delegante non è negli archivi INPS.",
    delegate_same_person: "Il delegato deve essere una persona diversa dal delegante.",
    delegator_not_minor: "Il delegante non è minorenne: per un maggiorenne serve un altro titolo.",
    authority_required: "Per il modulo AA10 indichi il titolo del richiedente.",
    date_in_past: "La data non può essere nel passato.",
    end_before_start: "La fine deve essere uguale o successiva all'inizio.",
    end_required: "Indichi la data di fine della delega.",
    invalid_form: "Scelga il modulo AA08, AA09 o AA10.",
    too_long: "Il testo è troppo lungo.",
    invalid: "Valore non valido.",
    invalid_type: "Valore non valido.",
    invalid_name: "Usi solo lettere, spazi, apostrofi e trattini.",
    invalid_country: "Scelga uno Stato dall'elenco.",
    invalid_date: "Scriva una data valida (giorno, mese, anno).",
    date_in_future: "La data non può essere nel futuro.",
    invalid_sex: "Scelga Femmina o Maschio.",
    invalid_email: "Scriva un indirizzo e-mail valido, ad esempio nome@esempio.com.",
    invalid_delivery: "Scelga SMS o e-mail.",
    invalid_document_type: "Scelga il tipo di documento.",
    invalid_document_number: "Il numero del documento ha da 3 a 30 lettere o cifre.",
    invalid_postal_code: "Il codice postale non è valido per lo Stato di residenza.",
    invalid_phone:
      "Il numero di cellulare non è valido: lo scriva con il prefisso internazionale, ad es. +54 9 11 2345 6789.",
    not_mobile: "Serve un numero di cellulare, non di rete fissa.",
    fiscal_code_length: "Il codice fiscale ha 16 caratteri.",
    fiscal_code_format: "Il codice fiscale non ha il formato corretto.",
    fiscal_code_check_character: "Il codice fiscale non è corretto: controlli ogni carattere.",
    fiscal_code_birth_date: "Il codice fiscale non è corretto (data di nascita).",
    fiscal_code_birth_place: "Il codice fiscale non è corretto (luogo di nascita).",
    pin_length: "Il PIN ha 16 caratteri al primo accesso, poi 8.",
    pin_characters: "Il PIN non contiene mai 0, O, 1, I o L: controlli i caratteri.",
    resident_in_italy:
      "Il PIN è riservato a chi risiede all'estero: in Italia usi SPID, CIE o CNS.",
    italian_document: "Con un documento italiano può ottenere SPID o CIE invece del PIN.",
    // Contact centre (issue 7).
    archive_mismatch: "Non corrisponde all'archivio INPS: lo ricontrolli con chi chiama.",
    // Desk appointments (issue 7, appointments).
    slot_unavailable: "Questo orario non si può prenotare: scelga uno degli orari liberi proposti.",
    contact_required: "Indichi un cellulare o un'e-mail dove ricevere la conferma.",
    booking_code_shape:
      "Il codice di prenotazione ha 16 caratteri (lettere e cifre), ad esempio 7K3M-Q9XA-2BDF-HT0R.",
    date_range: "Scelga un intervallo di date valido (al massimo 31 giorni).",
    invalid_office: "Scelga una sede dall'elenco.",
    booking_code_unknown:
      "Nessun appuntamento da annullare con questo codice: controlli il codice (gli appuntamenti già passati o annullati non si possono annullare).",
    attendance_not_yet: "La presenza si registra dal giorno dell'appuntamento.",
    // Issue 7, areas review and supervisor.
    decision_invalid: "Scelga se approvare o respingere la richiesta.",
    reason_code_required: "Scelga il motivo del rifiuto.",
    note_required: "Descriva il motivo nel campo note.",
    note_invalid: "La nota può avere al massimo 500 caratteri.",
    no_active_pin:
      "Questa persona non ha un PIN attivo: la richiesta di PIN dispositivo non può essere registrata.",
    fax_files_required: "Scelga il file (o i file) con le pagine ricevute.",
    upload_fax_file_type:
      "Il file «{{file}}» non è un TIFF, un PDF, un JPEG o un PNG (conta il contenuto, non il nome).",
    upload_too_many_pages: "Il fax «{{file}}» ha troppe pagine (al massimo 20 per registrazione).",
    too_many_pages: "Troppe pagine in una registrazione (al massimo 20).",
    unknown_staff: "Nessun operatore con questo nome utente.",
    event_type_invalid:
      "Il tipo di evento ha la forma «area.evento», ad esempio staff.record_opened.",
    period_invalid: "Il periodo non è valido: la data iniziale viene prima di quella finale.",
  },
};
