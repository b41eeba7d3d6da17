/** Italian catalogue (default language). en.ts must have exactly the same keys (type-checked). */
export const it = {
  layout: {
    service: "PIN INPS",
    tagline: "Per i cittadini residenti all'estero",
    skipToContent: "Vai al contenuto principale",
    logout: "Esci",
    contactCentre:
      "Contact Center INPS: 803 164 (gratuito da rete fissa italiana), +39 06 164164 (dall'estero e da cellulare)",
    contactCentreHours:
      "Dal lunedì al venerdì dalle 8 alle 20, il sabato dalle 8 alle 14 (ora italiana).",
    apiDocs: "Documentazione API",
    backHome: "Torna alla pagina iniziale",
    devNotice: "Ambiente di sviluppo: pagina non presente in produzione.",
  },
  form: {
    errorSummary: "Ci sono dei problemi da correggere",
    choose: "Scelga dall'elenco",
  },
  home: {
    title: "PIN INPS per chi risiede all'estero",
    intro:
      "Il PIN è il codice personale per accedere ai servizi online dell'INPS (estratto conto contributivo, cedolino della pensione, domande di prestazione) per chi vive all'estero e non ha un documento di riconoscimento italiano.",
    claimTitle: "Non ha ancora il PIN?",
    claimText:
      "Lo richieda online: riceverà metà del PIN per SMS o e-mail e l'altra metà per lettera.",
    claimButton: "Richiedi il PIN",
    loginTitle: "Ha già il PIN?",
    loginText: "Entri con il suo codice fiscale e il PIN.",
    loginButton: "Accedi con il PIN",
    whoTitle: "Chi può avere il PIN",
    whoText:
      "Dal 1° ottobre 2021 il PIN è rilasciato solo ai cittadini residenti all'estero, italiani e stranieri, che non hanno un documento di riconoscimento italiano. Per l'identificazione vale un documento del Paese di residenza o il passaporto.",
    italyText:
      "Chi risiede in Italia, o ha un documento italiano, accede con SPID, Carta d'Identità Elettronica (CIE) o Carta Nazionale dei Servizi (CNS).",
    howTitle: "Come funziona",
    how1: "Compili la richiesta online con i suoi dati, la residenza all'estero e i contatti.",
    how2: "Riceve i primi 8 caratteri del PIN per SMS o e-mail, gli altri 8 con una lettera a casa.",
    how3: "Al primo accesso scrive tutti i 16 caratteri: il sistema le assegna un PIN di 8 caratteri.",
    how4: "Il PIN scade ogni 6 mesi: al momento dell'accesso il sistema la guida a ottenerne uno nuovo.",
  },
  claim: {
    title: "Richiedi il PIN",
    intro:
      "Compili il modulo con i dati come risultano negli archivi INPS. Se i dati corrispondono, il PIN viene emesso subito; altrimenti un operatore del Contact Center la richiamerà per verificarli.",
    requiredNote: "I campi con * sono obbligatori.",
    identity: "I suoi dati",
    fiscalCode: "Codice fiscale",
    fiscalCodeHint: "16 caratteri, come sulla tessera sanitaria o sul certificato di attribuzione.",
    surname: "Cognome",
    givenNames: "Nome",
    sex: "Sesso",
    sexF: "Femmina",
    sexM: "Maschio",
    birthDate: "Data di nascita",
    birthDateHint: "Ad esempio 17 2 1950",
    day: "Giorno",
    month: "Mese",
    year: "Anno",
    birthCountry: "Stato di nascita",
    birthMunicipality: "Comune di nascita",
    birthMunicipalityHint: "Solo se è nato/a in Italia.",
    residence: "Residenza all'estero",
    residenceIntro:
      "L'indirizzo deve essere quello registrato presso l'INPS: la lettera con la seconda parte del PIN arriverà lì.",
    country: "Stato di residenza",
    line1: "Indirizzo",
    line1Hint: "Via e numero civico.",
    line2: "Indirizzo, seconda riga",
    city: "Città",
    region: "Provincia, stato o regione",
    regionHint: "Se previsto nel suo Paese.",
    postalCode: "Codice postale",
    contacts: "Contatti",
    mobile: "Cellulare",
    mobileHint: "Con il prefisso internazionale, ad esempio +54 9 11 2345 6789.",
    email: "E-mail",
    delivery: "Come vuole ricevere i primi 8 caratteri del PIN?",
    deliveryHint: "Gli altri 8 caratteri arrivano sempre per lettera.",
    deliverySms: "SMS al cellulare",
    deliveryEmail: "E-mail",
    document: "Documento di identità",
    documentIntro: "Il documento del Paese in cui risiede o il passaporto.",
    documentType: "Tipo di documento",
    documentTypes: {
      passport: "Passaporto",
      identity_card: "Carta d'identità",
      driving_licence: "Patente di guida",
      residence_permit: "Permesso di soggiorno",
      other: "Altro documento",
    },
    documentNumber: "Numero del documento",
    documentCountry: "Stato che ha rilasciato il documento",
    privacy:
      "I dati sono trattati dall'INPS per rilasciare il PIN (Regolamento UE 2016/679). Inviando la richiesta dichiara che sono veri.",
    submit: "Invia la richiesta",
  },
  claimDone: {
    issuedTitle: "Il PIN è stato emesso",
    pendingTitle: "Richiesta ricevuta",
    reference: "Numero di riferimento della richiesta: {{reference}}",
    issuedStep1: "Tra poco riceverà i primi 8 caratteri del PIN per SMS o e-mail, come ha scelto.",
    issuedStep2: "Gli altri 8 caratteri arriveranno con una lettera all'indirizzo di residenza.",
    issuedStep3:
      "Quando li avrà entrambi, acceda con il codice fiscale e i 16 caratteri: il sistema le darà il PIN di 8 caratteri.",
    goLogin: "Vai all'accesso",
    pendingText:
      "Per completare la richiesta un operatore del Contact Center INPS la chiamerà al numero indicato per alcune verifiche. Le abbiamo inviato una e-mail di conferma.",
  },
  login: {
    title: "Accedi con il PIN",
    intro:
      "Scriva il codice fiscale e il PIN. Al primo accesso usi i 16 caratteri ricevuti (prima la parte dell'SMS o e-mail, poi quella della lettera).",
    fiscalCode: "Codice fiscale",
    pin: "PIN",
    pinHint: "16 caratteri al primo accesso, poi 8. Gli spazi non contano.",
    showPin: "Mostra il PIN mentre lo scrivo",
    submit: "Accedi",
    noPin: "Non ha il PIN?",
    claimLink: "Lo richieda online",
  },
  newPin: {
    activateTitle: "Primo accesso: il suo nuovo PIN",
    renewTitle: "Il PIN è scaduto: ottenga il nuovo PIN",
    activateIntro:
      "Il PIN di 16 caratteri vale solo per il primo accesso. Ora il sistema genera il PIN di 8 caratteri da usare d'ora in poi.",
    renewIntro:
      "Il PIN scade ogni 6 mesi. Il sistema genera un nuovo PIN di 8 caratteri, con gli stessi servizi di quello precedente.",
    point1:
      "Il nuovo PIN sarà mostrato una sola volta: lo scriva su un foglio o stampi la tessera.",
    point2: "Lo tenga separato dal codice fiscale e non lo comunichi a nessuno.",
    point3: "L'INPS non le chiederà mai il PIN per telefono o e-mail.",
    generate: "Genera il nuovo PIN",
    shownTitle: "Ecco il suo nuovo PIN",
    shownIntro: "Da adesso acceda con il codice fiscale e questo PIN di 8 caratteri.",
    yourPin: "Il suo nuovo PIN:",
    spelled: "Carattere per carattere:",
    onceOnly: "Questo PIN non sarà mostrato di nuovo: lo annoti ora o stampi la tessera.",
    expires: "Il PIN scade il {{date}}: al primo accesso dopo quella data ne otterrà uno nuovo.",
    printCard: "Scarica la tessera PIN (PDF)",
    continue: "Continua all'area personale",
  },
  area: {
    title: "Area personale",
    welcome: "Benvenuto/a, {{name}}.",
    level: "Tipo di PIN",
    ordinary: "Ordinario (consultazione e invio domande)",
    dispositive: "Dispositivo (tutti i servizi)",
    expires: "Il PIN scade il",
    contributionsText: "I periodi di lavoro e i contributi registrati.",
    slipsText: "I pagamenti mensili della pensione.",
    open: "Apri",
    back: "← Area personale",
  },
  contributions: {
    title: "Estratto conto contributivo",
    none: "Non risultano contributi registrati.",
    total: "Totale: {{weeks}} settimane ({{years}} anni e {{months}} mesi).",
    caption: "Periodi contributivi, dal più vecchio",
    period: "Periodo",
    employer: "Datore di lavoro",
    kind: "Tipo",
    weeks: "Settimane",
    earnings: "Retribuzione",
    totals: "Totale",
    kinds: {
      employee: "Lavoro dipendente",
      self_employed: "Lavoro autonomo",
      voluntary: "Versamenti volontari",
      figurative: "Contributi figurativi",
    },
  },
  slips: {
    title: "Cedolino della pensione",
    none: "Non risultano pagamenti di pensione.",
    caption: "Pagamenti mensili, dal più recente",
    month: "Mese",
    category: "Pensione",
    gross: "Lordo",
    tax: "Trattenute",
    net: "Netto",
    categories: {
      VO: "Pensione di vecchiaia",
      SO: "Pensione ai superstiti",
      IO: "Assegno ordinario di invalidità",
    },
  },
  dev: {
    peopleTitle: "Persone di prova",
    peopleIntro:
      "Archivio di prova: {{count}} persone. Scelga una persona per compilare la richiesta di PIN.",
    outboxTitle: "Messaggi inviati (sviluppo)",
    outboxIntro: "Ogni SMS, e-mail e lettera che il servizio invierebbe, dal più recente.",
    outboxEmpty: "Nessun messaggio.",
    clock: "Orologio del servizio: {{now}} (spostato di {{offset}} secondi).",
    eligible: "Possono richiedere il PIN",
    ineligible: "Non possono richiederlo",
    name: "Nome",
    fiscalCode: "Codice fiscale",
    country: "Residenza",
    action: "Azione",
    reason: "Motivo",
    claimAs: "Richiedi il PIN come questa persona",
    to: "A",
    openPdf: "Apri la lettera (PDF)",
  },

  errors: {
    MALFORMED_REQUEST: {
      title: "Richiesta non leggibile",
      detail: "Il contenuto inviato non è un modulo valido.",
    },
    VALIDATION_FAILED: {
      title: "Alcuni dati non sono corretti",
      detail: "Controlli i campi indicati e riprovi.",
    },
    UNSUPPORTED_MEDIA_TYPE: {
      title: "Formato non supportato",
      detail: "Invii i dati in formato JSON.",
    },
    PAYLOAD_TOO_LARGE: {
      title: "Dati troppo grandi",
      detail: "Il contenuto inviato supera la dimensione massima.",
    },
    NOT_FOUND: { title: "Pagina non trovata", detail: "L'indirizzo richiesto non esiste." },
    METHOD_NOT_ALLOWED: {
      title: "Operazione non consentita",
      detail: "Questo indirizzo non accetta questa operazione.",
    },
    RESIDENT_IN_ITALY: {
      title: "Il PIN è riservato a chi risiede all'estero",
      detail:
        "Chi risiede in Italia accede ai servizi INPS con SPID, Carta d'Identità Elettronica (CIE) o Carta Nazionale dei Servizi (CNS).",
    },
    ITALIAN_DOCUMENT_DECLARED: {
      title: "Con un documento italiano si usa SPID o CIE",
      detail:
        "Il PIN è rilasciato solo a chi non ha un documento di riconoscimento italiano. Con un documento italiano può ottenere SPID o la CIE.",
    },
    PIN_ALREADY_ACTIVE: {
      title: "Esiste già un PIN per questo codice fiscale",
      detail:
        "Se lo ha smarrito, usi il ripristino del PIN o chiami il Contact Center al +39 06 164164.",
    },
    CLAIM_ALREADY_PENDING: {
      title: "Una richiesta è già in lavorazione",
      detail:
        "Un operatore del Contact Center la chiamerà per completarla. Non serve inviarne un'altra.",
    },
    INVALID_CREDENTIALS: {
      title: "Codice fiscale o PIN non corretti",
      detail:
        "Controlli i dati e riprovi. Dopo 10 tentativi errati l'accesso è bloccato per 5 minuti.",
    },
    PIN_LOCKED: {
      title: "Accesso bloccato",
      detail:
        "Troppi tentativi errati. Attenda 5 minuti senza riprovare: ogni tentativo durante il blocco lo fa ripartire.",
    },
    PIN_NOT_ELIGIBLE: {
      title: "Il PIN non è più valido per lei",
      detail:
        "Dal 1° ottobre 2021 il PIN vale solo per chi risiede all'estero senza documento italiano. Acceda con SPID, CIE o CNS.",
    },
    AUTHENTICATION_REQUIRED: {
      title: "Accesso richiesto",
      detail: "Entri con codice fiscale e PIN per continuare.",
    },
    PIN_CHANGE_REQUIRED: {
      title: "Deve prima ottenere il nuovo PIN",
      detail: "Al primo accesso il sistema genera il PIN di 8 caratteri da usare d'ora in poi.",
    },
    RENEWAL_REQUIRED: {
      title: "Il PIN è scaduto",
      detail: "Il PIN scade ogni 6 mesi: ottenga il nuovo PIN per continuare.",
    },
    NO_PIN_CHANGE_PENDING: {
      title: "Nessun cambio PIN in sospeso",
      detail: "Il nuovo PIN è già stato generato in questa sessione.",
    },
    CSRF_INVALID: {
      title: "Modulo scaduto",
      detail: "Per sicurezza il modulo è scaduto. Ricarichi la pagina e riprovi.",
    },
    OVERLOADED: { title: "Servizio molto richiesto", detail: "Riprovi tra qualche secondo." },
    INTERNAL: {
      title: "Errore del servizio",
      detail: "Si è verificato un problema. Riprovi più tardi.",
    },
  },
  field: {
    required: "Campo obbligatorio.",
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
  },
};

export type Catalogue = typeof it;
