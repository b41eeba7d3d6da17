/**
 * Italian catalogue: info — the pages every public-administration site must have
 * (accessibility statement, privacy notice, legal notes, help and FAQ).
 *
 * Long texts are written in a tiny markup that src/web/screens/info/prose.ts renders (and
 * escapes): a blank line separates paragraphs, lines that start with "- " form a list, a block
 * that starts with "### " is a subheading, **bold** and [link text](/path, #id, https://…,
 * mailto:…). Sections render in the order they are written here.
 */
export const info = {
  info: {
    onThisPage: "In questa pagina",
    updated: "Ultimo aggiornamento: {{date}}.",

    accessibility: {
      title: "Dichiarazione di accessibilità",
      intro:
        "L'Istituto Nazionale della Previdenza Sociale (INPS) si impegna a rendere accessibile il proprio servizio, conformemente alla legge 9 gennaio 2004, n. 4, al decreto legislativo 10 agosto 2018, n. 106, che ha recepito la direttiva (UE) 2016/2102, e alle Linee guida AgID sull'accessibilità degli strumenti informatici.\n\nLa presente dichiarazione di accessibilità si applica al servizio PIN INPS per i cittadini residenti all'estero ({{url}}).",
      sections: {
        status: {
          heading: "Stato di conformità",
          body: "Questo servizio è **parzialmente conforme** ai requisiti previsti dall'allegato A alla norma UNI CEI EN 301 549, che richiama le linee guida WCAG 2.1 al livello AA, in ragione dei casi di non conformità elencati di seguito.",
        },
        nonAccessible: {
          heading: "Contenuti non accessibili",
          body: "### Inosservanza della legge 4/2004\n\n- **Documenti PDF.** La lettera con la seconda parte del PIN, la tessera PIN, l'estratto conto contributivo e il cedolino della pensione sono PDF marcati (tagged): hanno la struttura di titoli, paragrafi ed elenchi, la lingua e il titolo del documento. Non sono però ancora stati verificati come conformi allo standard PDF/UA (ISO 14289-1) con uno strumento di validazione dedicato. L'estratto conto e il cedolino si possono leggere anche nelle pagine del servizio, in HTML.\n- **Documentazione delle API** (indirizzo /api/docs). È la pagina per gli sviluppatori che collegano altri sistemi al servizio; è prodotta da uno strumento di terze parti (Swagger UI) e la sua accessibilità non è stata verificata. Non è collegata dalle pagine per i cittadini. La stessa descrizione è disponibile come documento OpenAPI in formato JSON (/api/docs/json).\n- **Tempo della sessione.** Per sicurezza la sessione si chiude dopo {{idleMinutes}} minuti senza attività, senza un avviso prima della scadenza (criterio 2.2.1 delle WCAG, Regolazione tempi di esecuzione). Dopo un nuovo accesso si torna alla pagina in cui ci si trovava.\n\n### Onere sproporzionato\n\nNessun contenuto è escluso per onere sproporzionato.\n\n### Contenuti non rientranti nell'ambito della legislazione applicabile\n\nNessuno.",
        },
        written: {
          heading: "Redazione della dichiarazione di accessibilità",
          body: "La presente dichiarazione è stata redatta il {{written}}.\n\nLa dichiarazione è stata redatta con un'autovalutazione effettuata dall'INPS:\n\n- verifiche automatiche con axe-core su ogni pagina del servizio, in italiano e in inglese, nel browser Chromium;\n- prove con la sola tastiera: ordine del focus, collegamento per saltare al contenuto, riepilogo degli errori nei moduli;\n- prove delle pagine senza JavaScript e alla larghezza dello schermo di un telefono.\n\nLa dichiarazione è stata riesaminata l'ultima volta il {{reviewed}}. Viene aggiornata almeno una volta l'anno e ogni volta che il servizio cambia in modo rilevante.",
        },
        feedback: {
          heading: "Meccanismo di feedback e informazioni di contatto",
          body: "Per segnalare un contenuto che non riesce a usare, o per chiedere in formato accessibile un contenuto escluso da questa dichiarazione, scriva a [accessibilita@inps.it](mailto:accessibilita@inps.it) indicando la pagina e il problema. L'INPS risponde entro 30 giorni.\n\nPuò anche chiamare il Contact Center INPS al +39 06 164164 dall'estero e da cellulare, o all'803 164 gratuito da telefono fisso in Italia: dal lunedì al venerdì dalle 8 alle 20, il sabato dalle 8 alle 14, ora italiana.",
        },
        enforcement: {
          heading: "Procedura di attuazione",
          body: "In caso di risposta insoddisfacente o di mancata risposta entro 30 giorni dalla segnalazione, può rivolgersi al Difensore civico per il digitale, istituito presso l'Agenzia per l'Italia Digitale (AgID), con il [modulo di segnalazione sul sito di AgID](https://form.agid.gov.it/) (articolo 3-quinquies, comma 3, della legge 4/2004).",
        },
        about: {
          heading: "Informazioni sul servizio",
          body: "- Le pagine sono prodotte dal server in HTML e funzionano anche senza JavaScript.\n- La grafica segue il design system Bootstrap Italia dei servizi pubblici italiani, con un testo più grande del normale.\n- Tutte le pagine sono disponibili in italiano e in inglese.",
        },
      },
    },

    privacy: {
      title: "Informativa sul trattamento dei dati personali",
      intro:
        "Questa informativa spiega, come prevede l'articolo 13 del Regolamento (UE) 2016/679 (Regolamento generale sulla protezione dei dati, GDPR), come l'INPS tratta i dati personali di chi usa il servizio PIN per i cittadini residenti all'estero.",
      controller: {
        heading: "Titolare del trattamento",
        body: "Istituto Nazionale della Previdenza Sociale (INPS), Via Ciro il Grande 21, 00144 Roma.",
      },
      dpo: {
        heading: "Responsabile della protezione dei dati",
        body: "L'INPS ha designato un Responsabile della protezione dei dati (in inglese Data Protection Officer, DPO), che può contattare:\n\n- per posta elettronica certificata (PEC): [responsabileprotezionedati@postacert.inps.gov.it](mailto:responsabileprotezionedati@postacert.inps.gov.it);\n- per posta: INPS, Responsabile della protezione dei dati, Via Ciro il Grande 21, 00144 Roma.",
      },
      processings: {
        heading: "I trattamenti del servizio PIN",
        intro:
          "Il servizio tratta i dati personali per quattro scopi. Per ciascuno trova quali dati, perché, su quale base giuridica, chi li riceve e per quanto tempo sono conservati.",
        labels: {
          data: "Dati trattati",
          purpose: "Finalità",
          basis: "Base giuridica",
          recipients: "Chi riceve i dati",
          retention: "Conservazione",
        },
        items: {
          claim: {
            heading: "1. Richiesta e rilascio del PIN",
            data: "Codice fiscale, cognome, nome, sesso, data e luogo di nascita; indirizzo di residenza all'estero; numero di cellulare e indirizzo e-mail; tipo, numero e Stato di rilascio del documento di identità. Questi dati sono confrontati con quelli già presenti negli archivi dell'INPS. Il PIN è conservato solo in forma cifrata irreversibile (hash): nessuno, neppure il personale INPS, può leggerlo.",
            purpose:
              "Verificare la sua identità e il suo diritto al PIN (residenza all'estero, nessun documento di identità italiano), rilasciare il PIN e permetterle di accedere ai servizi online dell'INPS.",
            basis:
              "Esecuzione di un compito di interesse pubblico (articolo 6, paragrafo 1, lettera e, del GDPR; articolo 2-ter del Codice in materia di protezione dei dati personali, decreto legislativo 196/2003), secondo l'articolo 64 del Codice dell'amministrazione digitale (decreto legislativo 82/2005) e la circolare INPS n. 127 del 12 agosto 2021.",
            recipients:
              "Il personale INPS autorizzato. I dati non sono diffusi né usati per altri scopi.",
            retention:
              "Per tutto il tempo in cui il PIN è attivo e, dopo, per il periodo previsto dal piano di conservazione dei documenti dell'INPS.",
          },
          security: {
            heading: "2. Accesso e sicurezza",
            data: "Codice fiscale e PIN scritti per accedere (il PIN è solo confrontato con la sua forma cifrata, mai registrato); indirizzo IP di provenienza e tipo di browser; il cookie di dispositivo del browser in cui ha già fatto l'accesso; i contatori dei tentativi e delle richieste, in cui codice fiscale, indirizzo IP e contatti compaiono solo come impronte cifrate con una chiave segreta (hash con chiave); il registro delle operazioni: chi ha fatto cosa, su quale codice fiscale, quando, da dove e con quale esito.",
            purpose:
              "Proteggere il suo PIN e i suoi dati: bloccare chi prova a indovinare il PIN, limitare le richieste ripetute, prevenire le frodi e poter ricostruire ogni operazione in caso di contestazione o di incidente di sicurezza.",
            basis:
              "Esecuzione di un compito di interesse pubblico (articolo 6, paragrafo 1, lettera e, del GDPR) e obbligo di garantire la sicurezza del trattamento (articolo 6, paragrafo 1, lettera c, e articolo 32 del GDPR).",
            recipients:
              "Il personale INPS addetto alla sicurezza e, se necessario, l'autorità giudiziaria o la polizia.",
            retention:
              "La sessione è cancellata quando si chiude: dopo {{idleMinutes}} minuti senza attività, dopo {{sessionHours}} ore al massimo o quando lei esce. I contatori sono cancellati quando finisce il periodo di conteggio. Il riconoscimento del dispositivo dura 2 anni. Il registro delle operazioni, che non contiene mai il PIN, è conservato per il periodo previsto dal piano di conservazione dei documenti dell'INPS.",
          },
          messages: {
            heading: "3. Invio di SMS, e-mail e lettere",
            data: "Numero di cellulare, indirizzo e-mail, nome e indirizzo postale, testo del messaggio. Quando un messaggio porta una metà del PIN, quella metà resta cifrata finché il messaggio non è consegnato, poi è cancellata.",
            purpose:
              "Inviarle le due metà del PIN, le comunicazioni sulla sua richiesta e gli avvisi di sicurezza, per esempio quando il PIN viene bloccato.",
            basis:
              "Esecuzione di un compito di interesse pubblico (articolo 6, paragrafo 1, lettera e, del GDPR).",
            recipients:
              "I fornitori che inviano gli SMS e le e-mail e quello che stampa e spedisce le lettere, nominati dall'INPS responsabili del trattamento (articolo 28 del GDPR). Per consegnare un SMS o una lettera nel Paese in cui lei vive, il numero o l'indirizzo passano anche agli operatori telefonici e postali di quel Paese.",
            retention:
              "{{retentionDays}} giorni dalla consegna o dall'ultimo tentativo non riuscito: poi destinatario e testo sono cancellati e resta solo la traccia che un messaggio è stato inviato.",
          },
          verification: {
            heading: "4. Verifica della richiesta da parte del Contact Center",
            data: "I dati della richiesta, l'esito dei controlli automatici con gli archivi INPS e i motivi per cui non sono riusciti, le note dell'operatore e l'esito della telefonata.",
            purpose:
              "Quando i dati non possono essere verificati in automatico, un operatore la chiama per controllarli con lei e poi rilascia il PIN, oppure respinge la richiesta e le scrive il motivo.",
            basis:
              "Esecuzione di un compito di interesse pubblico (articolo 6, paragrafo 1, lettera e, del GDPR).",
            recipients:
              "Gli operatori del Contact Center INPS autorizzati. Se il servizio è affidato a una società esterna, questa è nominata dall'INPS responsabile del trattamento (articolo 28 del GDPR).",
            retention:
              "Come la richiesta (punto 1). Ogni operazione dell'operatore resta nel registro delle operazioni (punto 2).",
          },
        },
      },
      sections: {
        required: {
          heading: "È obbligatorio fornire i dati?",
          body: "Sì, per avere il PIN: senza i dati richiesti non è possibile verificare la sua identità né rilasciarle il PIN. I campi facoltativi sono indicati nel modulo.",
        },
        automated: {
          heading: "Decisioni automatizzate",
          body: "I controlli automatici confrontano i dati della richiesta con gli archivi dell'INPS. Se riescono, il PIN è rilasciato subito; se non riescono, la richiesta non è respinta in automatico ma passa a un operatore (punto 4).\n\nLa richiesta è respinta subito solo quando è lei stesso a dichiarare una residenza in Italia o un documento di identità italiano: in quel caso il PIN non è previsto e la pagina le indica SPID, CIE o CNS.",
        },
        rights: {
          heading: "I suoi diritti",
          body: "Lei ha diritto di:\n\n- accedere ai suoi dati e averne copia (articolo 15 del GDPR);\n- farli correggere o completare (articolo 16);\n- chiederne la cancellazione, nei casi in cui la legge lo consente (articolo 17): i dati che servono all'INPS per i suoi compiti pubblici possono dover essere conservati;\n- chiedere la limitazione del trattamento (articolo 18);\n- opporsi al trattamento per motivi legati alla sua situazione particolare (articolo 21).\n\nIl diritto alla portabilità dei dati (articolo 20) non si applica, perché questi trattamenti si basano su un compito di interesse pubblico e non sul consenso o su un contratto. Sulle decisioni automatizzate (articolo 22) veda la sezione precedente.\n\nPer esercitare i suoi diritti scriva al Responsabile della protezione dei dati agli indirizzi indicati sopra, con il suo codice fiscale e una copia di un documento di identità. L'INPS risponde entro un mese; nei casi complessi il termine può essere prorogato di due mesi, e in quel caso glielo comunichiamo (articolo 12 del GDPR). Per cambiare il cellulare o l'e-mail può anche chiamare il Contact Center.",
        },
        complaint: {
          heading: "Reclamo al Garante",
          body: "Se ritiene che il trattamento dei suoi dati violi il GDPR, può proporre reclamo al [Garante per la protezione dei dati personali](https://www.garanteprivacy.it/) oppure all'autorità di controllo del Paese dell'Unione europea in cui vive o lavora (articolo 77 del GDPR). Può anche rivolgersi all'autorità giudiziaria.",
        },
      },
      cookies: {
        heading: "Cookie",
        body: "Il servizio usa solo **cookie tecnici**, necessari al suo funzionamento: nessun cookie di profilazione, di statistica o di terze parti, e nessun contenuto caricato da altri siti. Per questo non le chiediamo il consenso (articolo 122 del Codice in materia di protezione dei dati personali e Linee guida del Garante sui cookie del 10 giugno 2021).\n\nPuò cancellare i cookie dalle impostazioni del browser: dovrà accedere di nuovo e il browser non sarà più riconosciuto come suo dispositivo.",
        caption: "Cookie usati dal servizio",
        name: "Nome",
        purpose: "A cosa serve",
        lifetime: "Durata",
        rows: {
          session: {
            purpose: "Mantiene l'accesso dopo che è entrato con il PIN.",
            lifetime:
              "{{sessionHours}} ore al massimo; la sessione si chiude prima dopo {{idleMinutes}} minuti senza attività o quando esce.",
          },
          device: {
            purpose:
              "Riconosce il browser in cui ha già fatto l'accesso con successo, così un blocco causato da altri non blocca lei. Contiene un codice casuale firmato, non dati personali in chiaro.",
            lifetime: "2 anni.",
          },
          csrf: {
            purpose: "Protegge i moduli: impedisce che un altro sito li invii al posto suo.",
            lifetime: "Fino alla chiusura del browser.",
          },
          claim: {
            purpose:
              "Mostra l'esito della richiesta di PIN appena inviata, con il numero di riferimento, anche se ricarica la pagina.",
            lifetime: "1 giorno.",
          },
          lang: {
            purpose: "Ricorda la lingua che ha scelto (italiano o inglese).",
            lifetime: "1 anno.",
          },
        },
      },
    },

    legal: {
      title: "Note legali",
      sections: {
        copyright: {
          heading: "Copyright",
          body: "© Istituto Nazionale della Previdenza Sociale (INPS). I testi, la grafica e le immagini di questo servizio appartengono all'INPS, salvo diversa indicazione.\n\nLa grafica usa il design system Bootstrap Italia, distribuito con licenza BSD a 3 clausole, e il carattere Titillium Web, distribuito con licenza SIL Open Font License. Il codice sorgente del servizio è distribuito con licenza EUPL 1.2.",
        },
        reuse: {
          heading: "Uso dei contenuti",
          body: "I testi informativi possono essere riprodotti citando la fonte (INPS) e senza alterarne il significato. Il nome, il logo e i marchi dell'INPS non possono essere usati senza autorizzazione.\n\nI dati personali mostrati nelle pagine riservate sono suoi: li usi solo per sé e non li condivida con altri.",
        },
        disclaimer: {
          heading: "Esclusione di responsabilità",
          body: "L'INPS cura la correttezza e l'aggiornamento delle informazioni di questo servizio, che hanno però carattere generale: in caso di dubbio valgono le leggi, i regolamenti e le circolari dell'INPS.\n\nIl servizio può essere interrotto per manutenzione o per cause tecniche. L'INPS non risponde dei danni dovuti a un uso improprio del PIN: lo custodisca con cura e non lo comunichi a nessuno.",
        },
        links: {
          heading: "Collegamenti ad altri siti",
          body: "Questo servizio contiene collegamenti a siti di altre amministrazioni, per esempio l'Agenzia per l'Italia Digitale e il Garante per la protezione dei dati personali. L'INPS non è responsabile dei loro contenuti.\n\nAltri siti possono collegarsi liberamente alla pagina iniziale di questo servizio, purché si apra per intero, nel proprio indirizzo, e non dentro le pagine di un altro sito.",
        },
      },
    },

    help: {
      title: "Aiuto e domande frequenti",
      intro:
        "Qui trova le risposte alle domande più comuni sul PIN INPS per chi vive all'estero. Se non trova la risposta, chiami il Contact Center: trova i [numeri e gli orari del Contact Center](#faq-contact) alla fine della pagina.",
      faq: {
        who: {
          heading: "Chi può avere il PIN?",
          body: "Il PIN è per chi **vive all'estero** e **non ha un documento di identità italiano** (carta d'identità o passaporto italiani), sia cittadini italiani sia stranieri. Per farsi riconoscere vale un documento del Paese in cui vive o il passaporto.\n\nChi vive in Italia, o ha un documento italiano, non può avere il PIN: entra nei servizi INPS con SPID, con la Carta d'Identità Elettronica (CIE) o con la Carta Nazionale dei Servizi (CNS).",
        },
        claim: {
          heading: "Come si chiede il PIN?",
          body: "Il modo più semplice è online: [richieda il PIN online](/richiedi-pin). Le servono:\n\n- il codice fiscale italiano;\n- l'indirizzo dove vive all'estero, come risulta all'INPS;\n- un numero di cellulare o un indirizzo e-mail;\n- un documento di identità del Paese in cui vive, o il passaporto.\n\nSe i dati corrispondono a quelli dell'INPS, il PIN viene emesso subito. Altrimenti non deve fare nulla: un operatore del Contact Center la chiamerà dal numero {{callNumber}} entro {{callDays}} giorni lavorativi per controllare i dati con lei.\n\nPuò chiedere il PIN anche chiamando il Contact Center, oppure di persona in una sede INPS, su appuntamento, con il modulo MV35: in sede le consegnano subito il PIN completo.",
        },
        halves: {
          heading: "Perché il PIN arriva in due parti?",
          body: "Per sicurezza il primo PIN, di 16 caratteri, arriva in due metà e per due strade diverse:\n\n- i **primi 8 caratteri** per SMS o per e-mail, come ha scelto lei, di solito entro pochi minuti;\n- gli **altri 8 caratteri** con una lettera, all'indirizzo di residenza registrato presso l'INPS.\n\nLa lettera parte dall'Italia e di solito impiega:\n\n- in Europa, da {{euMin}} a {{euMax}} giorni lavorativi;\n- nelle Americhe, da {{amMin}} a {{amMax}} giorni lavorativi;\n- negli altri Paesi, da {{otherMin}} a {{otherMax}} giorni lavorativi.\n\nConservi l'SMS o l'e-mail finché non arriva la lettera: servono tutte e due le parti.",
        },
        first: {
          heading: "Come faccio il primo accesso?",
          body: "Quando ha tutte e due le parti, vada alla pagina [Accedi con il PIN](/accedi). Scriva il codice fiscale e poi i 16 caratteri: prima gli 8 dell'SMS o dell'e-mail, poi gli 8 della lettera. Gli spazi non contano.\n\nIl sistema crea allora il suo **PIN di 8 caratteri**, da usare d'ora in poi. Viene mostrato **una sola volta**: lo scriva su un foglio o stampi la tessera PIN, e lo tenga separato dal codice fiscale. Il PIN di 16 caratteri non vale più.",
        },
        renew: {
          heading: "Il PIN scade?",
          body: "Sì: il PIN di 8 caratteri scade ogni **6 mesi**, per sicurezza. Non deve chiedere niente. Quando accede dopo la scadenza, con il PIN che ha, il sistema la guida a ottenere un nuovo PIN di 8 caratteri. Lo annoti come la prima volta. Il nuovo PIN le dà gli stessi servizi del precedente.",
        },
        locked: {
          heading: "Ho sbagliato il PIN molte volte: cosa succede?",
          body: "Dopo **10 tentativi sbagliati** di seguito, l'accesso si blocca per **5 minuti**. Aspetti 5 minuti interi senza riprovare: ogni tentativo durante il blocco, anche con il PIN giusto, fa ripartire i 5 minuti da capo.\n\nSe il blocco è stato causato da qualcun altro, il computer o il telefono da cui lei entra di solito continua a funzionare: il sistema riconosce il browser in cui ha già fatto l'accesso con successo.\n\nQuando il PIN si blocca le mandiamo un avviso per SMS o per e-mail. Se non è stato lei, chiami il Contact Center.",
        },
        smsMissing: {
          heading: "L'SMS o l'e-mail non è arrivato: cosa faccio?",
          body: "- SMS: controlli che il telefono sia acceso e possa ricevere messaggi dall'estero.\n- E-mail: controlli anche la cartella della posta indesiderata (spam).\n\nSe dopo un giorno non è arrivato niente, chiami il Contact Center. Non faccia una nuova richiesta: il PIN esiste già.",
        },
        letterMissing: {
          heading: "La lettera non è arrivata: cosa faccio?",
          body: "La posta dall'Italia può essere lenta. Chiami il Contact Center se la lettera non è arrivata dopo:\n\n- {{euOverdue}} giorni lavorativi, se vive in Europa;\n- {{amOverdue}} giorni lavorativi, se vive nelle Americhe;\n- {{otherOverdue}} giorni lavorativi, se vive in un altro Paese.\n\nTenga pronto il numero di riferimento che ha visto alla fine della richiesta online: l'operatore le spiegherà come riceverne una nuova. Controlli anche che l'indirizzo registrato presso l'INPS sia completo e giusto.",
        },
        lost: {
          heading: "Ho perso il PIN: cosa faccio?",
          body: "Per ora chiami il Contact Center: l'operatore controllerà la sua identità e le spiegherà come avere un nuovo PIN. Se teme che qualcuno conosca il suo PIN, lo dica subito all'operatore.\n\nNon dica mai il PIN a nessuno: l'INPS non lo chiede mai, né per telefono né per SMS né per e-mail.",
        },
        level: {
          heading: "Con il PIN chiesto online posso fare domanda di una prestazione?",
          body: "Il PIN chiesto online o per telefono è un PIN **ordinario**: serve a consultare i suoi dati, come l'estratto conto contributivo e il cedolino della pensione, e le permette anche di presentare una domanda di prestazione perché i termini non scadano. Perché la domanda venga lavorata serve però il PIN **dispositivo**: per sapere come ottenerlo, chiami il Contact Center.",
        },
        contact: {
          heading: "Come posso parlare con l'INPS?",
          body: "Chiami il Contact Center INPS:\n\n- **+39 06 164164** dall'estero e dai cellulari: costa come una telefonata verso l'Italia, secondo la tariffa del suo operatore;\n- **803 164**, gratuito, solo da un telefono fisso in Italia.\n\nOrari: dal lunedì al venerdì dalle 8 alle 20, il sabato dalle 8 alle 14, **ora italiana**. Controlli la differenza di orario con il Paese in cui vive.\n\nTenga a portata di mano il codice fiscale e, se l'ha, il numero di riferimento della richiesta. L'operatore non le chiederà mai il PIN.",
        },
      },
    },
  },
};
