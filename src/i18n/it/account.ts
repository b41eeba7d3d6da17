/** Italian catalogue (default language): login, newPin, area, contributions, slips. */
export const account = {
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
    expired:
      "La sessione si è chiusa dopo 15 minuti senza attività, per la sua sicurezza. Acceda di nuovo: tornerà alla pagina in cui si trovava.",
    remaining_one: "Le resta {{count}} tentativo prima del blocco di 5 minuti.",
    remaining_other: "Le restano {{count}} tentativi prima del blocco di 5 minuti.",
    lockedUntil:
      "Potrà riprovare dopo le {{time}} (ora italiana). Non riprovi prima: ogni tentativo durante il blocco lo fa ripartire da capo.",
    hintEight:
      "Se è il primo accesso, servono tutti i 16 caratteri: prima gli 8 dell'SMS o dell'e-mail, poi gli 8 della lettera (che può impiegare alcune settimane).",
    hintSixteen:
      "Se ha già fatto il primo accesso, i 16 caratteri non valgono più: usi il PIN di 8 caratteri che le è stato mostrato allora. Se non lo ha, chiami il Contact Center al +39 06 164164.",
    claimLink: "Lo richieda online",
  },
  resend: {
    title: "Non ha ricevuto la lettera?",
    intro:
      "Se ha la prima parte del PIN (arrivata per SMS o e-mail) ma la lettera con la seconda parte non è arrivata, può chiedere un nuovo PIN: le due parti arrivano di nuovo, la prima come la volta scorsa e la seconda con una nuova lettera all'indirizzo di residenza registrato.",
    when: "Si può chiedere trascorsi 20 giorni dalla richiesta del PIN, al massimo 3 volte in 90 giorni. La prima parte che ha ora smetterà di funzionare.",
    fiscalCode: "Codice fiscale",
    firstHalf: "Prima parte del PIN (8 caratteri)",
    firstHalfHint: "Come nell'SMS o nell'e-mail. Gli spazi non contano.",
    submit: "Chieda di nuovo le due parti",
    sentTitle: "Richiesta ricevuta",
    sent1:
      "Se i dati sono corretti e la lettera risulta in ritardo, riceverà una nuova prima parte (come la volta scorsa) e una nuova lettera con la seconda parte. Usi solo le parti nuove.",
    sent2: "Se non riceve nulla entro qualche giorno, chiami il Contact Center al +39 06 164164.",
    link: "La lettera con la seconda parte non è arrivata?",
  },
  revocation: {
    title: "Revoca il PIN",
    intro:
      "Se ha perso il PIN e non riesce a ripristinarlo, può revocarlo perché nessun altro possa usarlo. Servono il codice fiscale, i dati della tessera sanitaria e un indirizzo e-mail o PEC dove ricevere la conferma.",
    warning:
      "La revoca è definitiva: il PIN non funzionerà più e per accedere di nuovo servirà una nuova richiesta di PIN. Se ha solo dimenticato il PIN, lo ripristini invece di revocarlo.",
    fiscalCode: "Codice fiscale",
    healthCardNumber: "Numero della tessera sanitaria",
    healthCardNumberHint: "20 cifre, sul retro della tessera.",
    healthCardExpiry: "Scadenza della tessera sanitaria",
    healthCardExpiryHint: "Come scritta sulla tessera.",
    addressHint: "Dove ricevere la conferma (e-mail oppure PEC)",
    email: "E-mail",
    pec: "PEC (posta elettronica certificata)",
    submit: "Chieda la revoca",
    sentTitle: "Richiesta ricevuta",
    sent1:
      "Se i dati corrispondono, all'indirizzo indicato arriverà un messaggio con un collegamento da aprire entro 24 ore per confermare la revoca.",
    sent2: "Finché non conferma, il PIN continua a funzionare.",
    home: "Torna alla pagina iniziale",
    confirmTitle: "Confermi la revoca del PIN",
    confirm1:
      "Confermando, il PIN smette di funzionare per sempre, tutte le sessioni aperte si chiudono e i contatti registrati ricevono un avviso. Per accedere di nuovo servirà una nuova richiesta di PIN.",
    confirmButton: "Confermo: revocate il PIN",
    doneTitle: "PIN revocato",
    done1: "Il PIN non funziona più. Nessuno può usarlo per accedere ai servizi INPS.",
    done2: "Quando vuole, può chiedere un nuovo PIN.",
    newClaim: "Richieda un nuovo PIN",
    newRequest: "Faccia una nuova richiesta di revoca",
    link: "Vuole impedire che il PIN sia usato da altri?",
    linkText: "Revochi il PIN",
  },
  recovery: {
    title: "Ripristina il PIN",
    intro:
      "Se ha perso il PIN, può ottenerne uno nuovo. Scriva il codice fiscale e almeno due dei contatti che ha registrato con il PIN (cellulare, e-mail, PEC), esattamente come li ha comunicati.",
    fiscalCode: "Codice fiscale",
    mobile: "Cellulare",
    mobileHint: "Con il prefisso internazionale, ad esempio +54 9 11 2345 6789.",
    email: "E-mail",
    pec: "PEC (posta elettronica certificata)",
    contactsHint: "Servono almeno due contatti su tre.",
    submit: "Chieda il ripristino",
    sentTitle: "Richiesta ricevuta",
    sent1:
      "Se i dati corrispondono a quelli registrati, riceverà all'e-mail (o alla PEC) registrata un messaggio con un collegamento da aprire entro 24 ore per confermare.",
    sent2:
      "Se non corrispondono, all'indirizzo che ha indicato arriveranno le istruzioni per aggiornare i contatti tramite il Contact Center.",
    sent3:
      "Il suo PIN attuale continua a funzionare finché non conferma: se lo ritrova, può ignorare il messaggio.",
    confirmTitle: "Confermi il ripristino del PIN",
    confirm1:
      "Confermando, il PIN attuale smette di funzionare e ne riceverà uno nuovo di 16 caratteri: la prima parte per SMS al cellulare registrato (o per e-mail), la seconda all'e-mail o alla PEC registrata.",
    confirm2:
      "Al primo accesso con il nuovo PIN le sarà chiesto di sceglierne uno di 8 caratteri. Il livello del PIN (ordinario o dispositivo) resta lo stesso.",
    confirmButton: "Confermo: mandatemi il nuovo PIN",
    doneTitle: "Nuovo PIN inviato",
    doneFirst: "Prima parte (8 caratteri): inviata a {{to}}.",
    doneSecond: "Seconda parte (8 caratteri): inviata a {{to}}.",
    doneHow:
      "Il PIN precedente non funziona più. Quando avrà entrambe le parti, acceda con il codice fiscale e i 16 caratteri.",
    notice:
      "Gli altri contatti registrati ricevono un avviso del ripristino. Se non è stato lei, chiami subito il Contact Center.",
    invalidTitle: "Il collegamento non è più valido",
    newRequest: "Faccia una nuova richiesta di ripristino",
    lostPin: "Ha perso il PIN?",
    lostPinLink: "Lo ripristini online",
    orCall: "oppure chiami il Contact Center al +39 06 164164.",
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
    continue: "Ho annotato il PIN: continua",
    alreadyShownTitle: "Il nuovo PIN è già stato mostrato",
    alreadyShownIntro:
      "Per sicurezza il nuovo PIN si vede una volta sola: ricaricare o tornare indietro non lo mostra di nuovo e non lo cambia.",
    notedTitle: "Ha annotato il nuovo PIN?",
    notedIntro:
      "Il PIN non sarà mostrato di nuovo. Prima di continuare controlli di averlo scritto su un foglio o di aver scaricato la tessera.",
    notedYes: "Sì, l'ho annotato: continua",
    notedNoTitle: "Non ha annotato il PIN?",
    replaceIntro:
      "Può generare un PIN sostitutivo, che le sarà mostrato subito. Il PIN mostrato prima smetterà di funzionare.",
    replaceConfirm: "Ho capito: il PIN mostrato prima smetterà di funzionare",
    replaceButton: "Genera un PIN sostitutivo",
    replaceWindow:
      "Il PIN sostitutivo si può chiedere entro 15 minuti dal cambio; dopo, chiami il Contact Center al +39 06 164164.",
  },
  contacts: {
    title: "I miei contatti",
    intro:
      "I contatti registrati con il PIN servono per ricevere i messaggi dell'INPS e per ripristinare il PIN se lo perde: ne servono almeno due per il ripristino online.",
    registered: "Contatti registrati",
    kind: { mobile: "Cellulare", email: "E-mail", pec: "PEC" },
    field: {
      kind: "Contatto da cambiare",
      value: "Nuovo valore",
      pin: "PIN",
      code: "Codice ricevuto",
    },
    valueHint:
      "Il cellulare con il prefisso internazionale (ad es. +54 9 11 2345 6789), o l'indirizzo.",
    pin: "PIN",
    pinHint: "Per sicurezza scriva di nuovo il suo PIN (vale 5 minuti).",
    changeTitle: "Aggiungere o cambiare un contatto",
    changeIntro:
      "Le mandiamo un codice di 6 cifre al nuovo contatto: lo scriva nella pagina seguente entro 10 minuti. Il contatto precedente riceverà un avviso.",
    sendCode: "Mandate il codice",
    remove: "Togli",
    codeTitle: "Scriva il codice ricevuto",
    codeIntro:
      "Abbiamo mandato un codice di 6 cifre al nuovo contatto ({{kind}}). Vale 10 minuti, con al massimo 5 tentativi.",
    confirm: "Conferma il nuovo contatto",
    back: "← I miei contatti",
    changed: "Contatto aggiornato.",
    removed: "Contatto tolto.",
    link: "I miei contatti",
    linkText: "Cellulare, e-mail e PEC registrati con il PIN.",
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
    downloadPdf: "Scarica l'estratto conto (PDF)",
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
    pdf: "PDF",
    downloadPdf: "Scarica il cedolino di {{month}} (PDF)",
    thirteenth: "con tredicesima",
    categories: {
      VO: "Pensione di vecchiaia",
      SO: "Pensione ai superstiti",
      IO: "Assegno ordinario di invalidità",
    },
  },
};
