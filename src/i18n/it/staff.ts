/** Catalogo italiano: area operatori (accesso, attivazione, scrivania). */
export const staff = {
  staff: {
    service: "INPS PIN - Area operatori",
    home: "Scrivania",
    roles: {
      contact_centre_agent: "Operatore Contact Center",
      office_clerk: "Operatore di sportello",
      back_office_reviewer: "Revisore back office",
      supervisor: "Supervisore",
    },
    nav: "Funzioni",
    signedInAs: "{{username}} · {{role}}",
    office: "Sede: {{office}}",
    homeIntro:
      "Scelga una funzione. Ogni consultazione e ogni azione sono registrate nel registro di audit.",
    noFunctions: "Nessuna funzione disponibile per il suo ruolo.",
    login: {
      title: "Accesso operatori",
      intro: "Entri con nome utente, password e il codice a 6 cifre dell'app di autenticazione.",
      username: "Nome utente",
      password: "Password",
      totp: "Codice dell'app (6 cifre) o codice di recupero",
      totpHint: "Se non ha il telefono, usi uno dei codici di recupero ricevuti all'attivazione.",
      submit: "Entra",
      expired: "La sessione è scaduta. Entri di nuovo.",
      lockedUntil: "Riprovi dopo le {{time}}.",
      loggedOut: "È uscito dall'area operatori.",
      logout: "Esci",
    },
    enrol: {
      title: "Attivazione account operatore",
      intro:
        "Scelga la password del suo account {{username}}. Poi aggiunga l'account all'app di autenticazione.",
      introNoName:
        "Scelga la password del suo account. Poi aggiunga l'account all'app di autenticazione.",
      password: "Nuova password",
      passwordHint:
        "Almeno 12 caratteri; non contenga il nome utente. Una frase lunga è più sicura.",
      confirmPassword: "Ripeta la password",
      mismatch: "Le due password non coincidono.",
      submit: "Continua",
      qrTitle: "Aggiunga l'account all'app",
      qrIntro:
        "Inquadri il codice QR con l'app di autenticazione (per esempio FreeOTP, Google Authenticator, Microsoft Authenticator) oppure inserisca a mano la chiave qui sotto.",
      qrAlt: "Codice QR per l'app di autenticazione",
      secret: "Chiave da inserire a mano",
      codesTitle: "Codici di recupero",
      codesIntro:
        "Li annoti e li conservi in un luogo sicuro: ciascuno vale una volta, al posto del codice dell'app. Sono mostrati solo ora.",
      codesShownBefore:
        "I codici di recupero sono stati mostrati al passo precedente. Se non li ha annotati, dopo l'accesso ne generi di nuovi.",
      code: "Codice mostrato dall'app (6 cifre)",
      confirm: "Conferma e attiva",
      done: "Account attivato. Ora può entrare.",
      goLogin: "Vai all'accesso",
      passwordKept:
        "La password era già stata scelta con questo link: resta valida quella scelta la prima volta.",
    },
    codes: {
      title: "Nuovi codici di recupero",
      intro: "I codici precedenti non valgono più. Li annoti ora: non saranno mostrati di nuovo.",
      generate: "Genera nuovi codici di recupero",
      totp: "Codice dell'app (6 cifre)",
      before:
        "Per generare nuovi codici di recupero scriva il codice mostrato ora dall'app. I codici precedenti smetteranno di valere.",
    },
  },
};
