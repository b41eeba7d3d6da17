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
