/** Italian catalogue: printable documents (PIN letter, PIN card, contribution statement, pension slip). */
export const documents = {
  documents: {
    conversionForm: {
      title: "Richiesta di conversione del PIN in PIN dispositivo",
      qrAlt: "Codice QR con il riferimento della richiesta {{reference}}",
      reference: "Riferimento della richiesta",
      surname: "Cognome",
      givenNames: "Nome",
      fiscalCode: "Codice fiscale",
      date: "Data",
      request:
        "La persona indicata sopra chiede all'INPS di convertire il proprio PIN ordinario in PIN dispositivo, per poter richiedere prestazioni e benefici economici con i servizi online.",
      attachment:
        "Allega la copia di un documento di identità valido (passaporto o documento del Paese di residenza), caricata insieme a questo modulo firmato.",
      privacy:
        "I dati sono trattati dall'INPS per gestire la richiesta (Regolamento UE 2016/679). I documenti caricati sono conservati cifrati e cancellati dopo la decisione, trascorso il periodo di conservazione.",
      signature: "Luogo e data                                                       Firma",
      howToSend:
        "Stampi il modulo, lo firmi e lo carichi (scansione o foto, PDF, JPEG o PNG fino a 10 MB) nella sua area personale, alla voce «PIN dispositivo», insieme al documento di identità. Non serve spedirlo.",
    },
    benefitReceipt: {
      title: "Ricevuta di presentazione della domanda",
      protocol: "Numero di protocollo",
      benefit: "Prestazione",
      holder: "Richiedente",
      fiscalCode: "Codice fiscale",
      filedAt: "Presentata il",
      status: "Stato",
      waiting_for_dispositive: "In attesa del PIN dispositivo",
      in_processing: "In lavorazione",
      waiting_for_dispositiveNote:
        "La domanda è stata presentata il {{date}}: da questa data i termini sono interrotti. Sarà lavorata quando il suo PIN diventerà dispositivo; può richiederlo dall'area personale.",
      in_processingNote:
        "La domanda, presentata il {{date}}, è in lavorazione. Conservi questa ricevuta e il numero di protocollo.",
    },
    common: {
      holder: "Titolare: {{name}}",
      fiscalCode: "Codice fiscale: {{fiscalCode}}",
      generatedOn: "Documento prodotto il {{date}}",
      page: "Pagina {{page}} di {{pages}}",
    },
    statement: {
      title: "INPS - Estratto conto contributivo",
      period: "dal {{from}} al {{to}}",
      note: "Le settimane sono quelle utili per la pensione; la retribuzione è quella imponibile registrata per il periodo.",
    },
    slip: {
      title: "INPS - Cedolino della pensione, {{month}}",
      monthWithThirteenth: "{{month}}, con la tredicesima",
      thirteenth:
        "Il pagamento di dicembre comprende la tredicesima mensilità: per questo il lordo, le trattenute e il netto sono più alti degli altri mesi.",
    },
    sender: {
      name: "INPS - Istituto Nazionale della Previdenza Sociale",
      office: "Direzione Centrale Tecnologia, Informatica e Innovazione",
      street: "Via Ciro il Grande 21",
      city: "00144 Roma",
      country: "ITALIA",
      returnAddress: "INPS - Via Ciro il Grande 21 - 00144 Roma - ITALIA",
    },
    letter: {
      title: "INPS - PIN: seconda parte",
      place: "Roma, {{date}}",
      reference: "Riferimento richiesta: {{reference}}",
      fiscalCode: "Codice fiscale: {{fiscalCode}}",
      subject: "Il suo PIN INPS - seconda parte",
      greeting: "Gentile {{name}},",
      intro: "con questa lettera le inviamo la seconda parte del suo PIN INPS.",
      halves:
        "Il PIN completo ha 16 caratteri. I primi 8 caratteri (la prima parte) le sono già stati inviati con un SMS o con una e-mail. Qui sotto trova gli ultimi 8 caratteri (la seconda parte).",
      pinLabel: "Seconda parte del PIN (ultimi 8 caratteri)",
      stepsTitle: "Come usare il PIN",
      steps: {
        join: "Scriva prima gli 8 caratteri ricevuti con l'SMS o con l'e-mail e subito dopo gli 8 caratteri di questa lettera, senza spazi: in tutto 16 caratteri.",
        login:
          "Vada sul sito www.inps.it, scelga l'accesso con il PIN e inserisca il suo codice fiscale e il PIN di 16 caratteri.",
        newPin:
          "Al primo accesso il sistema le darà un nuovo PIN di 8 caratteri. Lo scriva su un foglio o stampi la PIN card: da quel momento userà solo il nuovo PIN.",
      },
      warning:
        "Il PIN è personale e segreto: non lo dica a nessuno e lo conservi separato dal codice fiscale. L'INPS non le chiederà mai il PIN per telefono o per e-mail.",
      contact:
        "Per aiuto chiami il Contact Center INPS al numero +39 06 164164 (a pagamento secondo la tariffa del suo operatore), dal lunedì al venerdì dalle 8 alle 20 e il sabato dalle 8 alle 14, ora italiana.",
      closing: "Cordiali saluti",
      summary:
        "Italiano: questa lettera contiene la seconda parte (gli ultimi 8 caratteri) del suo PIN INPS. Aiuto: +39 06 164164.",
    },
    card: {
      title: "INPS - PIN card",
      holder: "Titolare",
      fiscalCode: "Codice fiscale",
      pin: "PIN",
      level: "Livello",
      levels: { ordinary: "ordinario", dispositive: "dispositivo" },
      issued: "Rilasciato il {{date}}",
      expires: "Scade il {{date}}",
      cardWarning: "PIN segreto: non comunicarlo a nessuno.",
      heading: "La sua PIN card",
      print: "Stampi questa pagina e ritagli la tessera lungo la linea tratteggiata.",
      secret:
        "Il PIN è personale e segreto: non lo dica a nessuno. Conservi la tessera in un luogo sicuro, separata dai documenti che riportano il codice fiscale (per esempio la tessera sanitaria). L'INPS non le chiederà mai il PIN per telefono o per e-mail.",
      expiry:
        "Il PIN scade il {{date}}. Dopo quella data, quando accede con il vecchio PIN il sistema la guida a creare un nuovo PIN.",
      help: "Per aiuto: Contact Center INPS +39 06 164164, dal lunedì al venerdì dalle 8 alle 20 e il sabato dalle 8 alle 14, ora italiana.",
      summary: "Italiano: conservi la tessera e il PIN in segreto, separati dal codice fiscale.",
    },
  },
};
