/** Catalogo italiano: PIN dispositivo (conversione con caricamento) e domande di prestazione. */
export const requests = {
  conversion: {
    link: "PIN dispositivo",
    linkText:
      "Converta il PIN ordinario in dispositivo per richiedere prestazioni: modulo da firmare e documento.",
    title: "PIN dispositivo",
    intro:
      "Con il PIN dispositivo può richiedere prestazioni e benefici economici. Per ottenerlo: scarichi il modulo già compilato, lo stampi e lo firmi, poi lo carichi qui con la copia di un documento di identità.",
    alreadyDispositive: "Il suo PIN è già dispositivo.",
    alreadyDispositiveText:
      "Può presentare domande di prestazione, che vanno subito in lavorazione.",
    levelNote:
      "Il PIN è diventato dispositivo: la sessione in corso resta ordinaria. Esca e rientri per usare il nuovo livello.",
    step1: "1. Scarichi e firmi il modulo",
    step1Text:
      "Il modulo riporta i suoi dati e un riferimento (anche come codice QR) che collega il foglio firmato alla richiesta.",
    download: "Scarica il modulo (PDF)",
    step2: "2. Carichi il modulo firmato e il documento",
    signedForm: "Modulo firmato",
    identityDocument: "Documento di identità",
    fileHint: "PDF, JPEG o PNG, al massimo 10 MB. Va bene una foto nitida fatta con il telefono.",
    identityHint:
      "Passaporto o documento del Paese di residenza, pagina con la foto. PDF, JPEG o PNG, al massimo 10 MB.",
    submit: "Invia la richiesta",
    privacy:
      "I file sono conservati cifrati, visti solo dagli operatori INPS che decidono la richiesta e cancellati trascorso il periodo di conservazione dopo la decisione. Dalle foto vengono tolti i dati nascosti (ad esempio la posizione).",
    status: "Stato della richiesta",
    reference: "Riferimento",
    submittedAt: "Inviata il",
    decidedAt: "Decisa il",
    reason: "Motivo",
    submitted: "In esame: riceverà un messaggio con l'esito.",
    approved: "Accolta",
    rejected: "Respinta",
    cancelled: "Chiusa: il PIN è stato revocato mentre era in esame.",
    sent: "Richiesta inviata",
    sentText: "La sua richiesta è in esame. Riceverà un messaggio con l'esito.",
    otherWays:
      "In alternativa può inviare il modulo firmato via fax al Contact Center o consegnarlo di persona in una sede INPS, su appuntamento.",
    goToClaims: "Vai alle domande di prestazione",
  },
  benefits: {
    link: "Domande di prestazione",
    linkText:
      "Presenti una domanda (pensione, ricostituzione, pagamento all'estero) e scarichi la ricevuta.",
    title: "Domande di prestazione",
    intro:
      "Può presentare una domanda anche con il PIN ordinario: la data di presentazione interrompe i termini. La domanda sarà lavorata quando il PIN diventerà dispositivo.",
    introDispositive:
      "Il suo PIN è dispositivo: le domande che presenta vanno subito in lavorazione.",
    mine: "Le sue domande",
    none: "Non ha ancora presentato domande.",
    protocol: "Protocollo",
    benefit: "Prestazione",
    filedAt: "Presentata il",
    status: "Stato",
    receipt: "Ricevuta (PDF)",
    receiptOf: "ricevuta della domanda {{protocol}}",
    waiting_for_dispositive: "In attesa del PIN dispositivo",
    in_processing: "In lavorazione",
    catalogue: "Prestazioni che può richiedere",
    start: "Presenta la domanda",
    formTitle: "Domanda: {{benefit}}",
    dateHint: "Ad esempio 2025-12-31 (anno-mese-giorno).",
    ibanHint: "Come appare sull'estratto conto, ad esempio AR12 3456 7890 ….",
    submit: "Presenta la domanda",
    filed: "Domanda presentata",
    filedText: "Protocollo {{protocol}}. Conservi la ricevuta.",
    needDispositive: "Per farla lavorare serve il PIN dispositivo:",
    back: "Torna alle domande",
  },
};
