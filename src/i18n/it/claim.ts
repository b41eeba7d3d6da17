/** Italian catalogue (default language): claim, claimDone. */
export const claim = {
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
    contactsHint:
      "Scelga come ricevere i primi 8 caratteri del PIN: serve il cellulare per l'SMS, l'e-mail per l'e-mail. L'altro contatto è facoltativo ma utile per ritrovare il PIN se lo perde.",
    mobileHint:
      "Con il prefisso internazionale, ad esempio +54 9 11 2345 6789. Obbligatorio solo se sceglie l'SMS.",
    emailHint: "Obbligatoria solo se sceglie di ricevere la prima parte del PIN per e-mail.",
    email: "E-mail",
    delivery: "Come vuole ricevere i primi 8 caratteri del PIN?",
    deliveryShort: "Invio della prima parte del PIN",
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
    reference:
      "Numero di riferimento della richiesta: {{reference}}. Lo annoti: serve se chiama il Contact Center.",
    firstHalfSms: "I primi 8 caratteri del PIN stanno arrivando per SMS al numero {{destination}}.",
    firstHalfEmail:
      "I primi 8 caratteri del PIN stanno arrivando per e-mail all'indirizzo {{destination}}.",
    letter:
      "Gli altri 8 caratteri arrivano con una lettera all'indirizzo di residenza registrato presso l'INPS, in {{country}}: di solito la posta impiega da {{min}} a {{max}} giorni lavorativi.",
    then: "Quando avrà entrambe le parti, acceda con il codice fiscale e i 16 caratteri: il sistema le darà il PIN di 8 caratteri da usare d'ora in poi.",
    ifMissingTitle: "Se qualcosa non arriva",
    ifSmsMissing:
      "SMS: controlli che il telefono sia acceso e raggiungibile all'estero. Se entro un giorno non è arrivato, chiami il Contact Center. Non invii una nuova richiesta: il PIN esiste già.",
    ifEmailMissing:
      "E-mail: controlli anche la posta indesiderata (spam). Se entro un giorno non è arrivata, chiami il Contact Center. Non invii una nuova richiesta: il PIN esiste già.",
    ifLetterMissing:
      "Lettera: se non arriva entro {{days}} giorni lavorativi, con la prima parte del PIN può chiederne una nuova online (oppure chiami il Contact Center con il numero di riferimento).",
    contactCentre:
      "Contact Center INPS: +39 06 164164 dall'estero e da cellulare, 803 164 gratuito da rete fissa italiana; dal lunedì al venerdì 8-20, il sabato 8-14, ora italiana.",
    goLogin: "Vai all'accesso",
    pendingText:
      "Alcuni dati non hanno potuto essere verificati in automatico con gli archivi INPS. Non deve fare nulla: un operatore del Contact Center la chiamerà dal numero {{number}} entro {{days}} giorni lavorativi (dal lunedì al venerdì 8-20, il sabato 8-14, ora italiana) per controllarli con lei.",
    pendingConfirmation: "Le abbiamo inviato una conferma a {{destination}}.",
    pendingPrepare: "Tenga a portata di mano il documento di identità indicato nella richiesta.",
    pendingNoCall:
      "Se entro {{days}} giorni lavorativi non ha ricevuto la chiamata, chiami lei il Contact Center e citi il numero di riferimento.",
  },
};
