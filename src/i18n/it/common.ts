/** Italian catalogue (default language): layout, form, home. */
export const common = {
  layout: {
    service: "PIN INPS",
    tagline: "Per i cittadini residenti all'estero",
    skipToContent: "Vai al contenuto principale",
    logout: "Esci",
    contactCentre:
      "Contact Center INPS: 803 164 (gratuito da rete fissa italiana), +39 06 164164 (dall'estero e da cellulare)",
    contactCentreHours:
      "Dal lunedì al venerdì dalle 8 alle 20, il sabato dalle 8 alle 14 (ora italiana).",
    help: "Aiuto e domande frequenti",
    privacy: "Informativa privacy",
    accessibility: "Dichiarazione di accessibilità",
    legal: "Note legali",
    backHome: "Torna alla pagina iniziale",
    devNotice: "Ambiente di sviluppo: pagina non presente in produzione.",
  },
  form: {
    errorPrefix: "Errore",
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
};
