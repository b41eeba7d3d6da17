/** Italian catalogue: texts of SMS and e-mail messages (letters and PDFs: documents.ts). */
export const messages = {
  messages: {
    contactCentre:
      "Contact Center INPS: 803 164 (gratuito da rete fissa italiana), +39 06 164164 (dall'estero e da cellulare), dal lunedì al venerdì 8-20, sabato 8-14, ora italiana.",
    neverAsk: "L'INPS non le chiederà mai il PIN per telefono o e-mail.",
    greeting: "Gentile {{name}},",
    greetingNeutral: "Gentile cittadina, gentile cittadino,",
    firstHalf: {
      sms: "INPS: prima parte del PIN: {{half}}. La seconda parte arriva per lettera. Non comunicarla a nessuno.",
      subject: "Il suo PIN INPS - prima parte",
      intro: "ecco i primi 8 caratteri del suo PIN INPS (richiesta {{reference}}):",
      letter: "Gli ultimi 8 caratteri arriveranno con una lettera all'indirizzo di residenza.",
      howTo:
        "Quando avrà entrambe le parti, scriva prima questi 8 caratteri e poi quelli della lettera, insieme al suo codice fiscale, nella pagina di accesso con PIN.",
    },
    letter: { subject: "Il suo PIN INPS - seconda parte" },
    claimReceived: {
      sms: "INPS: abbiamo ricevuto la sua richiesta di PIN (rif. {{reference}}). Un operatore del Contact Center la chiamerà per alcune verifiche.",
      subject: "Richiesta PIN INPS ricevuta",
      body: "abbiamo ricevuto la sua richiesta di PIN (riferimento {{reference}}). Per completarla, un operatore del Contact Center INPS la chiamerà al numero indicato per alcune verifiche. Non deve fare nient'altro.",
      notYou: "Se non ha chiesto lei il PIN, ignori questo messaggio.",
    },
    recoveryLink: {
      subject: "Ripristino del PIN INPS: conferma la richiesta",
      body: "abbiamo ricevuto una richiesta di ripristino del suo PIN INPS. Per ricevere un nuovo PIN apra questo collegamento e confermi:",
      validity:
        "Il collegamento vale una sola volta, fino alle {{time}} (ora italiana) del {{date}}. Finché non conferma, il suo PIN attuale continua a funzionare.",
      notYou:
        "Se non ha chiesto lei il ripristino, ignori questo messaggio: senza conferma non cambia nulla.",
    },
    recoveryInstructions: {
      sms: "INPS: abbiamo ricevuto una richiesta di ripristino del PIN con questo numero. Se i dati corrispondono, il collegamento arriva all'e-mail o PEC registrata. Altrimenti chiami il +39 06 164164.",
      subject: "Ripristino del PIN INPS: richiesta ricevuta",
      body: "abbiamo ricevuto una richiesta di ripristino del PIN INPS in cui è indicato questo indirizzo. Se il codice fiscale e almeno due contatti corrispondono a quelli registrati, all'e-mail o alla PEC registrata arriva un collegamento da aprire entro 24 ore per confermare.",
      contacts:
        "Se il collegamento non arriva, i contatti registrati potrebbero essere diversi da quelli indicati: servono almeno due tra cellulare, e-mail e PEC, scritti come li ha comunicati all'INPS. Se i suoi contatti sono cambiati, chiami il Contact Center: dopo un controllo della sua identità un operatore può aggiungere un contatto.",
      revoked:
        "Se il suo PIN è stato revocato, o non ha ancora un PIN, serve una nuova richiesta di PIN.",
      notYou:
        "Se non ha fatto lei la richiesta, ignori questo messaggio: senza conferma non cambia nulla.",
    },
    recoveredHalf: {
      sms: "INPS: nuovo PIN dopo il ripristino, prima parte: {{half}}. La seconda parte arriva per e-mail. Non comunicarla a nessuno.",
      firstSubject: "Il suo nuovo PIN INPS - prima parte",
      secondSubject: "Il suo nuovo PIN INPS - seconda parte",
      firstIntro:
        "come richiesto, il suo PIN INPS è stato ripristinato. Ecco i primi 8 caratteri del nuovo PIN:",
      secondIntro:
        "come richiesto, il suo PIN INPS è stato ripristinato. Ecco gli ultimi 8 caratteri del nuovo PIN:",
      firstOther:
        "Gli ultimi 8 caratteri arrivano in un altro messaggio, al suo indirizzo e-mail o PEC.",
      secondOther:
        "I primi 8 caratteri arrivano in un altro messaggio (SMS al cellulare registrato, o e-mail).",
      howTo:
        "Il PIN precedente non funziona più. Acceda con il codice fiscale e i 16 caratteri (prima parte e poi seconda parte): le verrà chiesto di sceglierne uno nuovo di 8 caratteri.",
      notYou:
        "Se non ha chiesto lei il ripristino, chiami subito il Contact Center: qualcuno potrebbe avere accesso ai suoi contatti.",
    },
    recoveryNotice: {
      sms: "INPS: il {{date}} alle {{time}} (ora italiana) il suo PIN è stato ripristinato. Se non è stato lei, chiami subito il +39 06 164164.",
      subject: "Il suo PIN INPS è stato ripristinato",
      body: "il {{date}} alle {{time}} (ora italiana) il suo PIN INPS è stato ripristinato: il nuovo PIN è stato inviato, diviso in due parti, ai contatti registrati.",
      notYou:
        "Se non è stato lei, chiami subito il Contact Center: qualcuno potrebbe avere accesso ai suoi contatti. Può anche revocare il PIN.",
    },
    revocationLink: {
      subject: "Revoca del PIN INPS: conferma la richiesta",
      body: "abbiamo ricevuto una richiesta di revoca del PIN INPS. Se la conferma, il PIN smetterà di funzionare per sempre e per accedere di nuovo servirà una nuova richiesta di PIN. Per confermare apra questo collegamento:",
      validity:
        "Il collegamento vale una sola volta, fino alle {{time}} (ora italiana) del {{date}}.",
      notYou:
        "Se non ha chiesto lei la revoca, ignori questo messaggio: senza conferma non cambia nulla.",
    },
    revocationInstructions: {
      subject: "Revoca del PIN INPS: come procedere",
      body: "abbiamo ricevuto una richiesta di revoca del PIN INPS con questo indirizzo, ma non è stato possibile confermarla con i dati indicati.",
      check:
        "Controlli il codice fiscale, il numero (20 cifre) e la scadenza della tessera sanitaria, oppure chiami il Contact Center: può revocare il PIN per telefono dopo un controllo della sua identità.",
      notYou: "Se non ha fatto lei la richiesta, ignori questo messaggio.",
    },
    revocationNotice: {
      sms: "INPS: il {{date}} alle {{time}} (ora italiana) il suo PIN è stato revocato. Se non è stato lei, chiami subito il +39 06 164164.",
      subject: "Il suo PIN INPS è stato revocato",
      body: "il {{date}} alle {{time}} (ora italiana) il suo PIN INPS è stato revocato e non funziona più. Per accedere di nuovo serve una nuova richiesta di PIN.",
      notYou: "Se non è stato lei, chiami subito il Contact Center.",
    },
    contactCode: {
      sms: "INPS: codice per confermare questo contatto: {{code}}. Vale 10 minuti. Non comunicarlo a nessuno.",
      subject: "Codice di conferma del contatto INPS",
      body: "per confermare questo indirizzo come contatto del suo PIN INPS scriva questo codice nella pagina dei contatti (vale 10 minuti):",
      notYou: "Se non ha chiesto lei il cambio, ignori questo messaggio.",
    },
    contactNotice: {
      sms: "INPS: il {{date}} alle {{time}} questo contatto è stato tolto dal suo PIN. Se non è stato lei, chiami il +39 06 164164.",
      subject: "Contatti del PIN INPS cambiati",
      replaced:
        "il {{date}} alle {{time}} (ora italiana) questo contatto è stato sostituito da un altro nei contatti del suo PIN INPS.",
      removed:
        "il {{date}} alle {{time}} (ora italiana) questo contatto è stato tolto dai contatti del suo PIN INPS.",
      notYou: "Se non è stato lei, chiami subito il Contact Center.",
    },
    conversionDecided: {
      approvedSms:
        "INPS: la richiesta {{reference}} è stata accolta: il suo PIN ora è dispositivo. Rientri nei servizi per usarlo.",
      rejectedSms:
        "INPS: la richiesta {{reference}} di PIN dispositivo non è stata accolta: {{reason}}. Dettagli nell'area personale.",
      approvedSubject: "Il suo PIN INPS ora è dispositivo",
      rejectedSubject: "La richiesta di PIN dispositivo non è stata accolta",
      approved:
        "la sua richiesta {{reference}} è stata accolta: il suo PIN ora è dispositivo e le permette di richiedere prestazioni. Vale dal prossimo accesso: esca e rientri nei servizi.",
      rejected:
        "la sua richiesta {{reference}} di PIN dispositivo non è stata accolta, per questo motivo: {{reason}}. Può inviare una nuova richiesta dall'area personale oppure rivolgersi a una sede INPS.",
      claims:
        "Le sue domande di prestazione in attesa del PIN dispositivo ({{claims}}) sono ora in lavorazione, con la data in cui le ha presentate.",
    },
    pinLocked: {
      sms: "INPS: il suo PIN è bloccato per 5 minuti dopo 10 tentativi errati ({{time}}, ora italiana). Se non è stato lei, non risponda a nessuno e chiami il +39 06 164164.",
      subject: "Il suo PIN INPS è stato bloccato per 5 minuti",
      body: "alle {{time}} (ora italiana) del {{date}} l'accesso con il suo PIN è stato bloccato per 5 minuti dopo 10 tentativi con un PIN errato.",
      ifYou:
        "Se è stato lei, attenda 5 minuti senza riprovare e controlli il PIN carattere per carattere.",
      ifNotYou:
        "Se non è stato lei, qualcuno ha provato a indovinare il suo PIN: il PIN resta valido e segreto. Dal computer o dal telefono da cui accede di solito può continuare ad accedere. Se lo ritiene necessario, chiami il Contact Center.",
    },
  },
};
