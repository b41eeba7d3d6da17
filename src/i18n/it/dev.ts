/** Italian catalogue (default language): dev. */
export const dev = {
  dev: {
    peopleTitle: "Persone di prova",
    peopleIntro:
      "Archivio di prova: {{count}} persone. Scelga una persona per compilare la richiesta di PIN.",
    outboxTitle: "Messaggi inviati (sviluppo)",
    outboxIntro: "Ogni SMS, e-mail e lettera che il servizio invierebbe, dal più recente.",
    outboxEmpty: "Nessun messaggio.",
    clock: "Orologio del servizio: {{now}} (spostato di {{offset}} secondi).",
    eligible: "Possono richiedere il PIN",
    ineligible: "Non possono richiederlo",
    name: "Nome",
    fiscalCode: "Codice fiscale",
    country: "Residenza",
    action: "Azione",
    reason: "Motivo",
    claimAs: "Richiedi il PIN come questa persona",
    to: "A",
    openPdf: "Apri la lettera (PDF)",
    staffTitle: "Personale di prova",
    staffIntro:
      "Account del personale di prova (solo sviluppo). Password per tutti: «{{password}}». Il codice dell'app cambia ogni 30 secondi: ricarichi la pagina; un codice vale una sola volta.",
    staffLink: "Personale di prova (area operatori)",
    username: "Nome utente",
    role: "Ruolo",
    office: "Sede",
    code: "Codice ora",
  },
};
