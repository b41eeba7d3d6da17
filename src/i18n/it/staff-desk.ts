/** Catalogo italiano: sportello di sede (MV35, conversione in sede, deleghe). */
export const staffDesk = {
  desk: {
    title: "Sportello di sede",
    mv35: {
      nav: "PIN dispositivo in sede (MV35)",
      title: "Richiesta PIN dispositivo in sede (modulo MV35)",
      intro:
        "Il richiedente deve essere presente di persona: non è ammessa la richiesta da parte di un delegato. Controlli il documento di identità prima di rilasciare il PIN.",
      present: "Confermo che il richiedente è presente di persona allo sportello (nessun delegato)",
      contactsLegend: "Recapiti del richiedente",
      mobile: "Cellulare (con prefisso internazionale)",
      email: "E-mail",
      lang: "Lingua dei messaggi al cittadino",
      submit: "Rilascia il PIN dispositivo",
      issuedTitle: "PIN dispositivo rilasciato",
      issuedIntro:
        "Consegni al richiedente il PIN di 16 caratteri: lo stampi ora. È mostrato solo questa volta e la stampa si può scaricare una sola volta, entro 5 minuti.",
      pinLabel: "PIN iniziale (16 caratteri)",
      replaced: "Il PIN precedente del richiedente non funziona più.",
      print: "Stampa il PIN (PDF)",
      firstAccess:
        "Al primo accesso con questi 16 caratteri il cittadino riceve il PIN di 8 caratteri da usare da allora in poi.",
      alreadyIssued:
        "Questo modulo è già stato inviato: il PIN è stato rilasciato. Se non lo ha ancora stampato, usi il pulsante qui sotto; altrimenti il PIN non può più essere mostrato.",
      printGone:
        "La stampa non è più disponibile (già scaricata o scaduta). Il PIN non è conservato: se il richiedente non lo ha, rilasci un nuovo PIN.",
      another: "Nuova richiesta MV35",
    },
    conversion: {
      nav: "Conversione del PIN in dispositivo",
      title: "Conversione del PIN in dispositivo allo sportello",
      intro:
        "Dopo il controllo del documento di identità il PIN del cittadino diventa dispositivo e le sue domande in attesa passano in lavorazione.",
      submit: "Rendi dispositivo il PIN",
      done: "Il PIN ora è dispositivo",
      doneText:
        "Domande di prestazione passate in lavorazione: {{claims}}. Il nuovo livello vale dal prossimo accesso del cittadino.",
    },
    delegations: {
      nav: "Deleghe dell'identità digitale",
      title: "Deleghe dell'identità digitale",
      intro:
        "Cerchi le deleghe di una persona (date e ricevute) indicando il motivo della consultazione, oppure registri una nuova delega con i documenti richiesti dal modulo.",
      search: "Cerca le deleghe",
      newLink: "Registra una nuova delega",
      newTitle: "Registrazione di una delega",
      newIntro:
        "Scelga il modulo e alleghi la scansione di ogni documento richiesto (PDF, JPEG o PNG, al massimo 10 MB ciascuno). Senza tutti i documenti la delega non può essere registrata.",
      delegator: "Codice fiscale del delegante (la persona rappresentata)",
      delegate: "Codice fiscale del delegato",
      form: "Modulo",
      forms: {
        AA08: "AA08 - il delegante è presente allo sportello",
        AA09: "AA09 - il delegante non può venire per motivi di salute",
        AA10: "AA10 - genitori di minori, tutori, curatori, amministratori di sostegno",
      },
      authority: "Titolo del richiedente (solo modulo AA10)",
      authorities: {
        parent: "Genitore di un minore",
        guardian: "Tutore",
        curator: "Curatore",
        support_administrator: "Amministratore di sostegno",
      },
      documentsLegend: "Documenti (obbligatori secondo il modulo)",
      documents: {
        signed_form: "Modulo firmato (AA08, AA09 o AA10)",
        delegator_id_copy: "Copia del documento di identità del delegante (AA08)",
        health_certificate:
          "Certificato di un medico del SSN sull'impossibilità di recarsi in sede (AA09)",
        delegator_id_original: "Documento di identità originale del delegante, scansionato (AA09)",
        delegate_id_copy: "Copia del documento di identità del delegato (AA09)",
        applicant_id_copy: "Copia del documento di identità del richiedente (AA10)",
        authority_proof:
          "Autocertificazione della responsabilità genitoriale o provvedimento del giudice (AA10)",
      },
      startDate: "Inizio (AAAA-MM-GG)",
      endDate: "Fine (AAAA-MM-GG)",
      endDateHint:
        "Per un minore (AA10, genitore) la delega termina al più tardi il giorno prima del 18° compleanno; se lasciata vuota, termina allora.",
      register: "Registra la delega",
      registered: "Delega registrata",
      registeredText: "La delega termina il {{date}}.",
      listCaption: "Deleghe di {{fiscalCode}}",
      none: "Nessuna delega registrata per questa persona.",
      colRole: "Ruolo della persona",
      colOther: "Altra persona",
      colForm: "Modulo",
      colPeriod: "Periodo",
      colStatus: "Stato",
      colAction: "Azione",
      roleDelegator: "Delegante",
      roleDelegate: "Delegato",
      period: "dal {{from}} al {{to}}",
      end: "Termina la delega",
      ended: "Delega terminata",
    },
    document: {
      legend: "Documento di identità controllato",
      type: "Tipo di documento",
      types: {
        passport: "Passaporto",
        identity_card: "Carta d'identità",
        driving_licence: "Patente di guida",
        residence_permit: "Permesso di soggiorno",
        other: "Altro documento",
      },
      number: "Numero del documento",
      issuingCountry: "Stato di rilascio",
      expiry: "Scadenza (AAAA-MM-GG)",
    },
    reason: {
      legend: "Motivo",
      kind: "Occasione",
      kinds: {
        call: "Chiamata",
        appointment: "Appuntamento allo sportello",
        review_item: "Pratica",
        desk_visit: "Accesso allo sportello senza appuntamento",
        fax: "Fax",
      },
      ref: "Riferimento (codice della prenotazione o della pratica)",
    },
    status: {
      scheduled: "Programmata",
      active: "Attiva",
      expired: "Scaduta",
      ended: "Terminata",
    },
  },
  deskCitizen: {
    link: "Deleghe",
    linkText: "Le deleghe che ha dato e quelle che ha ricevuto, registrate in una sede INPS.",
    title: "Le sue deleghe",
    intro:
      "Una delega permette a una persona di fiducia di usare i servizi INPS per conto di chi non può farlo da solo. Si registra e si termina solo allo sportello di una sede INPS, su appuntamento.",
    given: "Deleghe date (persone che agiscono per lei)",
    received: "Deleghe ricevute (persone per cui lei agisce)",
    none: "Nessuna delega.",
    person: "Persona",
    form: "Modulo",
    from: "Dal",
    to: "Al",
    status: "Stato",
  },
  deskMessages: {
    pin_issued: {
      sms: "INPS: presso la sede {{office}} le è stato rilasciato un nuovo PIN dispositivo; il PIN precedente non funziona più. Se non è stato lei, chiami il +39 06 164164.",
      subject: "Nuovo PIN INPS rilasciato in sede",
      body: "presso la sede {{office}} le è stato rilasciato di persona un nuovo PIN dispositivo. Un eventuale PIN precedente non funziona più.",
    },
    dispositive: {
      sms: "INPS: dopo il controllo del documento presso la sede {{office}} il suo PIN ora è dispositivo. Vale dal prossimo accesso.",
      subject: "Il suo PIN INPS ora è dispositivo",
      body: "dopo il controllo del suo documento di identità presso la sede {{office}} il suo PIN ora è dispositivo. Vale dal prossimo accesso: esca e rientri nei servizi.",
    },
    delegation_registered: {
      sms: "INPS: presso la sede {{office}} è stata registrata una delega che la riguarda. La trova nell'area personale, alla voce Deleghe.",
      subject: "Registrata una delega INPS",
      body: "presso la sede {{office}} è stata registrata una delega dell'identità digitale che la riguarda. La trova nell'area personale, alla voce Deleghe.",
    },
    delegation_ended: {
      sms: "INPS: presso la sede {{office}} è stata terminata una delega che la riguarda.",
      subject: "Terminata una delega INPS",
      body: "presso la sede {{office}} è stata terminata una delega dell'identità digitale che la riguarda.",
    },
    claimsReleased:
      "Le sue domande di prestazione in attesa del PIN dispositivo ({{claims}}) sono ora in lavorazione, con la data in cui le ha presentate.",
    notYou: "Se non è stato lei, chiami subito il Contact Center.",
  },
  deskPdf: {
    title: "INPS - PIN dispositivo rilasciato in sede",
    heading: "Il suo PIN INPS",
    intro:
      "Questo è il suo PIN iniziale di 16 caratteri, rilasciato di persona presso la sede INPS. Lo usi per il primo accesso ai servizi INPS con il suo codice fiscale: le sarà assegnato il PIN di 8 caratteri da usare da allora in poi.",
    holder: "Titolare",
    fiscalCode: "Codice fiscale",
    pin: "PIN iniziale",
    level: "Livello",
    levelValue: "dispositivo",
    office: "Sede",
    date: "Data",
    keep: "Conservi questo foglio in un luogo sicuro e non lo mostri a nessuno: l'INPS non le chiederà mai il PIN.",
  },
};
