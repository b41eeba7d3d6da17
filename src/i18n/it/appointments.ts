/** Italian catalogue: desk appointments (booking pages, clerks' calendar, messages). */
export const appointments = {
  appointments: {
    purposes: {
      mv35: "Richiesta del PIN allo sportello (modulo MV35)",
      conversion: "Conversione del PIN in dispositivo",
      delegation: "Delega dell'identità digitale (moduli AA08, AA09, AA10)",
      other: "Altro",
    },
    purposeHints: {
      mv35: "Porti il passaporto o un altro documento d'identità, il codice fiscale, il cellulare e l'e-mail. Deve venire di persona: non è ammessa una delega.",
      conversion: "Porti il modulo di richiesta firmato e un documento d'identità.",
      delegation: "Porti i moduli e i documenti richiesti per il tipo di delega.",
      other: "Per altre questioni legate al PIN.",
    },
    statuses: { booked: "Prenotato", attended: "Presentato", no_show: "Non presentato" },
    home: {
      title: "Appuntamento allo sportello",
      text: "Prenoti un appuntamento in una sede INPS per chiedere il PIN con il modulo MV35, convertirlo in dispositivo o registrare una delega. Non servono credenziali.",
      button: "Prenota un appuntamento",
      cancel: "Annulla un appuntamento",
    },
    book: {
      title: "Prenota un appuntamento allo sportello",
      intro: "Scelga la sede e il motivo; poi il giorno e l'orario. Non servono credenziali.",
      office: "Sede",
      purpose: "Motivo dell'appuntamento",
      next: "Continua",
      daysTitle: "Scelga il giorno",
      daysIntro: "{{office}} · {{purpose}}. Giorni con orari liberi nei prossimi {{days}} giorni:",
      freeTimes: "{{count}} orari liberi",
      noDays: "Nei prossimi giorni non ci sono orari liberi in questa sede. Scelga un'altra sede.",
      change: "Cambia sede o motivo",
      slotTitle: "Scelga l'orario e indichi i suoi dati",
      slotLegend: "Orario del {{date}} (ora italiana)",
      noSlots: "In questo giorno non ci sono più orari liberi.",
      otherDay: "Scegli un altro giorno",
      whoTitle: "I suoi dati",
      name: "Nome e cognome",
      fiscalCode: "Codice fiscale (se lo ha)",
      fiscalCodeHint: "Facoltativo: aiuta l'operatore a preparare l'appuntamento.",
      contactLegend: "Dove ricevere la conferma e il promemoria",
      contactHint:
        "Indichi un cellulare (SMS) o un'e-mail; se li indica entrambi, scriviamo all'e-mail.",
      mobile: "Cellulare",
      mobileHint: "Con il prefisso internazionale, ad esempio +54 9 11 2345 6789.",
      email: "E-mail",
      submit: "Prenota",
      doneTitle: "Appuntamento prenotato",
      doneCode: "Il suo codice di prenotazione",
      doneCodeHint:
        "Lo conservi: serve per annullare l'appuntamento. Lo abbiamo inviato anche a {{to}}.",
      doneWhen: "Quando",
      doneWhere: "Dove",
      donePurpose: "Motivo",
      doneReminder: "Il giorno prima le invieremo un promemoria.",
      doneCancel: "Se non può venire, annulli l'appuntamento: l'orario tornerà libero per altri.",
    },
    cancel: {
      title: "Annulla un appuntamento",
      intro: "Scriva il codice di prenotazione che ha ricevuto per SMS o e-mail.",
      code: "Codice di prenotazione",
      codeHint: "16 caratteri, ad esempio 7K3M-Q9XA-2BDF-HT0R.",
      submit: "Annulla l'appuntamento",
      doneTitle: "Appuntamento annullato",
      doneText: "L'appuntamento del {{date}} alle {{time}} presso {{office}} è annullato.",
      bookAgain: "Prenota un nuovo appuntamento",
    },
    calendar: {
      title: "Calendario degli appuntamenti",
      office: "Sede",
      date: "Giorno",
      show: "Mostra",
      caption: "Appuntamenti del {{date}} · {{office}}",
      none: "Nessun appuntamento in questo giorno.",
      time: "Ora",
      desk: "Sportello",
      purpose: "Motivo",
      name: "Nome",
      fiscalCode: "Codice fiscale",
      status: "Stato",
      actions: "Presenza",
      attended: "Presentato",
      noShow: "Non presentato",
      marked: "Presenza registrata.",
    },
    messages: {
      bookedSms:
        "INPS: appuntamento il {{date}} alle {{time}} presso {{office}}, {{address}}. Codice {{code}} (serve per annullare).",
      bookedSubject: "Appuntamento allo sportello INPS prenotato",
      booked:
        "il suo appuntamento allo sportello è prenotato per il {{date}} alle {{time}} (ora italiana) presso {{office}}, {{address}}. Motivo: {{purpose}}.",
      bookedCode: "Il suo codice di prenotazione (serve per annullare l'appuntamento):",
      bookedCancel:
        "Se non può venire, annulli l'appuntamento dalla pagina «Annulla un appuntamento» del servizio PIN.",
      notYou: "Se non ha prenotato lei, annulli l'appuntamento con il codice qui sopra.",
      reminderSms:
        "INPS: promemoria, domani {{date}} alle {{time}} appuntamento presso {{office}}, {{address}}.",
      reminderSubject: "Promemoria: appuntamento allo sportello INPS domani",
      reminder:
        "le ricordiamo l'appuntamento di domani, {{date}}, alle {{time}} (ora italiana) presso {{office}}, {{address}}. Motivo: {{purpose}}.",
      reminderCancel:
        "Se non può venire, lo annulli con il codice di prenotazione che ha ricevuto: l'orario tornerà libero per altri.",
      cancelledSms:
        "INPS: l'appuntamento del {{date}} alle {{time}} presso {{office}} è annullato.",
      cancelledSubject: "Appuntamento allo sportello INPS annullato",
      cancelled:
        "l'appuntamento del {{date}} alle {{time}} (ora italiana) presso {{office}} è stato annullato con il codice di prenotazione.",
      cancelledNotYou:
        "Se non lo ha annullato lei, prenoti un nuovo appuntamento e non comunichi a nessuno il codice di prenotazione.",
    },
  },
};
