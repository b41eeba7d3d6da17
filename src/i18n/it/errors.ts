/** Italian catalogue (default language): errors. */
export const errors = {
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
        "Se lo ha smarrito o non ha ricevuto una delle due parti, chiami il Contact Center al +39 06 164164: non serve un'altra richiesta.",
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
    LOGIN_SUSPENDED: {
      title: "Accesso con PIN sospeso da questo dispositivo",
      detail:
        "Ci sono stati troppi tentativi errati. Acceda dal computer o dal telefono che usa di solito, oppure chiami il Contact Center al +39 06 164164 per sbloccare il PIN dopo un controllo della sua identità.",
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
    SESSION_EXPIRED: {
      title: "La sessione è scaduta",
      detail:
        "Per sicurezza la sessione si chiude dopo 15 minuti senza attività. Acceda di nuovo: tornerà alla pagina in cui si trovava.",
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
    PIN_ALREADY_SHOWN: {
      title: "Il nuovo PIN è già stato mostrato",
      detail:
        "Il PIN è stato generato e mostrato poco fa. Se non lo ha annotato, può chiederne uno sostitutivo: il PIN mostrato prima smetterà di funzionare.",
    },
    LOGGED_IN: {
      title: "Ha già effettuato l'accesso",
      detail: "Questa operazione è per chi non ha ancora effettuato l'accesso. Esca e riprovi.",
    },
    CSRF_INVALID: {
      title: "Modulo scaduto",
      detail: "Per sicurezza il modulo è scaduto. Ricarichi la pagina e riprovi.",
    },
    CROSS_SITE_REQUEST: {
      title: "Richiesta non consentita",
      detail: "La richiesta proviene da un altro sito e non è stata eseguita.",
    },
    LINK_INVALID: {
      title: "Il collegamento non è più valido",
      detail:
        "Il collegamento è già stato usato, è scaduto (vale 24 ore) o è stato sostituito da una richiesta più recente. Se serve, faccia una nuova richiesta.",
    },
    PIN_REVOKED: {
      title: "Questo PIN è stato revocato",
      detail:
        "Un PIN revocato non funziona più e non si può ripristinare. Per accedere di nuovo faccia una nuova richiesta di PIN.",
    },
    REAUTHENTICATION_REQUIRED: {
      title: "Serve di nuovo il PIN",
      detail: "Per cambiare i contatti scriva di nuovo il PIN: vale per 5 minuti.",
    },
    CODE_INVALID: {
      title: "Codice non valido",
      detail:
        "Il codice non è corretto o è scaduto (vale 10 minuti, 5 tentativi). Se serve, chieda un nuovo codice.",
    },
    ALREADY_DISPOSITIVE: {
      title: "Il PIN è già dispositivo",
      detail: "Il suo PIN è già dispositivo: può richiedere le prestazioni direttamente.",
    },
    CONVERSION_PENDING: {
      title: "Richiesta già inviata",
      detail:
        "Ha già una richiesta di PIN dispositivo in esame: attenda la risposta prima di inviarne un'altra.",
    },
    CONVERSION_DECIDED: {
      title: "Richiesta già decisa",
      detail: "Questa richiesta di PIN dispositivo è già stata accolta o respinta.",
    },
    LAST_CONTACT: {
      title: "Serve almeno un contatto",
      detail: "Non può togliere l'ultimo contatto registrato: ne aggiunga prima un altro.",
    },
    STAFF_AUTHENTICATION_REQUIRED: {
      title: "Accesso operatori richiesto",
      detail: "Entri con nome utente, password e codice dell'app di autenticazione.",
    },
    STAFF_SESSION_EXPIRED: {
      title: "Sessione scaduta",
      detail:
        "La sessione è scaduta (15 minuti senza attività o 10 ore dall'accesso). Entri di nuovo.",
    },
    STAFF_FORBIDDEN: {
      title: "Funzione non consentita",
      detail: "Il suo ruolo non consente questa funzione.",
    },
    STAFF_LOGIN_FAILED: {
      title: "Accesso non riuscito",
      detail: "Nome utente, password o codice non corretti.",
    },
    STAFF_LOCKED: {
      title: "Account bloccato",
      detail: "Troppi tentativi non riusciti: l'account è bloccato per 15 minuti.",
    },
    ENROLMENT_INVALID: {
      title: "Link di attivazione non valido",
      detail: "Il link è scaduto o è già stato usato. Chieda al supervisore un nuovo link.",
    },
    ENROLMENT_STARTED: {
      title: "Attivazione già avviata",
      detail:
        "La password è già stata scelta con questo link: confermi con il codice dell'app oppure chieda un nuovo link.",
    },
    ENROLMENT_OTHER_BROWSER: {
      title: "Attivazione avviata altrove",
      detail:
        "L'attivazione è stata avviata in un altro browser. Completi lì la conferma oppure chieda al supervisore un nuovo link.",
    },
    USERNAME_TAKEN: { title: "Nome utente già in uso", detail: "Scelga un altro nome utente." },
    // Contact centre (issue 7).
    IDENTITY_CHECK_REQUIRED: {
      title: "Serve la verifica dell'identità",
      detail:
        "Prima di agire per chi chiama, verifichi la sua identità con le domande sui dati dell'archivio (la verifica vale 30 minuti, per lei e per quel codice fiscale).",
    },
    IDENTITY_CHECKS_EXHAUSTED: {
      title: "Troppe verifiche non superate",
      detail:
        "Per questo codice fiscale ci sono state troppe verifiche dell'identità non superate nelle ultime 24 ore. Indichi a chi chiama di rivolgersi a una sede INPS.",
    },
    CONTACT_CENTRE_CLOSED: {
      title: "Contact Center chiuso",
      detail:
        "Le richiamate si fanno negli orari del Contact Center: dal lunedì al venerdì 8-20, il sabato 8-14 (ora italiana), festivi esclusi.",
    },
    VERIFICATION_NOT_LEASED: {
      title: "Richiesta non assegnata a lei",
      detail:
        "Questa richiesta non è (più) assegnata a lei: l'assegnazione è scaduta o l'ha presa un altro operatore. Prenda la prossima dalla coda.",
    },
    CLAIM_CHECKS_FAILED: {
      title: "I dati non corrispondono all'archivio",
      detail:
        "Alcuni dati non corrispondono all'archivio INPS: li ricontrolli con chi chiama. Il PIN non è stato rilasciato.",
    },
    CLAIM_NOT_ISSUABLE: {
      title: "PIN non rilasciabile",
      detail:
        "Il PIN non può essere rilasciato: il codice fiscale non è in archivio oppure, secondo l'archivio, la persona non può avere il PIN (residenza in Italia o documento italiano). Respinga la richiesta indicando il motivo.",
    },
    CONTACT_ALREADY_REGISTERED: {
      title: "Contatto già registrato",
      detail:
        "Questo tipo di contatto è già registrato: per cambiarlo il titolare usa la funzione online di modifica dei contatti.",
    },
    NO_CONTACT_REGISTERED: {
      title: "Nessun contatto registrato",
      detail: "Per telefono si può aggiungere un contatto solo se ne è già registrato almeno uno.",
    },
    NO_ACTIVE_PIN: {
      title: "Nessun PIN attivo",
      detail: "Per questo codice fiscale non c'è un PIN attivo.",
    },
    LETTER_RESEND_REFUSED: {
      title: "Nuovo invio non possibile",
      detail:
        "Il nuovo invio della lettera non è possibile: serve un PIN iniziale non ancora usato, la lettera deve essere in ritardo (20 giorni) e si può chiedere al massimo 3 volte in 90 giorni.",
    },
    APPOINTMENT_SLOT_FULL: {
      title: "Orario non più disponibile",
      detail:
        "Qualcuno ha appena prenotato l'ultimo posto di questo orario. Scelga un altro orario.",
    },
    // Issue 7, areas review and supervisor.
    SEGREGATION_OF_DUTIES: {
      title: "Decisione riservata a un altro operatore",
      detail:
        "Ha registrato lei questo fax: la decisione spetta a un altro revisore (separazione dei compiti).",
    },
    REVIEW_ITEM_TAKEN: {
      title: "Pratica in esame da un altro revisore",
      detail: "Un altro revisore sta esaminando questa richiesta. Scelga un'altra pratica.",
    },
    STAFF_OWN_ACCOUNT: {
      title: "Operazione non consentita sul proprio account",
      detail: "Un altro supervisore può disattivare o reimpostare il suo account.",
    },
    // The office desk (issue 7, desk).
    DESK_NOT_ELIGIBLE: {
      title: "Il PIN non può essere rilasciato",
      detail:
        "La persona non ha i requisiti: il PIN è riservato a chi risiede all'estero, è presente negli archivi INPS e non ha un documento di riconoscimento italiano.",
    },
    DESK_ALREADY_ISSUED: {
      title: "PIN già rilasciato con questo modulo",
      detail: "Il modulo è già stato inviato: non viene rilasciato un secondo PIN.",
    },
    DESK_NO_PIN: {
      title: "Nessun PIN attivo",
      detail: "La persona non ha un PIN attivo: può richiederlo allo sportello con il modulo MV35.",
    },
    DESK_CONFLICT: {
      title: "Dati cambiati nel frattempo",
      detail: "Il PIN della persona è cambiato mentre la richiesta era in corso. Riprovi.",
    },
    DELEGATION_EXISTS: {
      title: "Delega già registrata",
      detail:
        "Esiste già una delega in corso tra queste due persone: la termini prima di registrarne una nuova.",
    },
    DELEGATION_ENDED: { title: "Delega già terminata", detail: "La delega è già terminata." },
    WEBHOOK_SIGNATURE_INVALID: {
      title: "Firma non valida",
      detail: "La firma o l'orario della notifica mancano, non corrispondono o sono fuori tempo.",
    },
    WEBHOOK_REPLAYED: {
      title: "Notifica già ricevuta",
      detail: "Questa notifica è già stata ricevuta: non cambia nulla.",
    },
    MESSAGE_NOT_ABANDONED: {
      title: "Messaggio non abbandonato",
      detail:
        "Si può inviare di nuovo solo un messaggio abbandonato: questo è in coda, in invio o già inviato.",
    },
    MESSAGE_SECRET_GONE: {
      title: "Messaggio non più inviabile",
      detail:
        "Il suo contenuto (e la metà del PIN che portava) è stato cancellato alla scadenza del periodo di conservazione: il cittadino deve fare una nuova richiesta (nuova lettera o recupero).",
    },
    METRICS_TOKEN_REQUIRED: {
      title: "Token delle metriche richiesto",
      detail: "Le metriche si leggono con il token configurato in METRICS_TOKEN.",
    },
    METRICS_LOOPBACK_ONLY: {
      title: "Metriche riservate a questa macchina",
      detail: "Senza METRICS_TOKEN le metriche rispondono solo a chi chiama da questa macchina.",
    },
    RATE_LIMITED: {
      title: "Troppe richieste",
      detail: "Sono arrivate troppe richieste in poco tempo. Riprovi più tardi.",
    },
    OVERLOADED: { title: "Servizio molto richiesto", detail: "Riprovi tra qualche secondo." },
    INTERNAL: {
      title: "Errore del servizio",
      detail: "Si è verificato un problema. Riprovi più tardi.",
    },
  },
};
