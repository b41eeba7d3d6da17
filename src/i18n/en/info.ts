/**
 * English catalogue: info (same keys as the Italian one, type-checked). The markup of the long
 * texts is described in ../it/info.ts.
 */
import type { info as italian } from "../it/info.ts";

export const info: typeof italian = {
  info: {
    onThisPage: "On this page",
    updated: "Last updated: {{date}}.",

    accessibility: {
      title: "Accessibility statement",
      intro:
        "The Istituto Nazionale della Previdenza Sociale (INPS, the Italian social security institute) is committed to making its service accessible, in accordance with Italian Law no. 4 of 9 January 2004, Legislative Decree no. 106 of 10 August 2018, which transposed Directive (EU) 2016/2102, and the AgID guidelines on the accessibility of IT tools (Linee guida AgID sull'accessibilità degli strumenti informatici).\n\nThis accessibility statement applies to the INPS PIN service for citizens living abroad ({{url}}).",
      sections: {
        status: {
          heading: "Compliance status",
          body: "This service is **partially compliant** with the requirements of Annex A to the standard EN 301 549, which refers to the WCAG 2.1 guidelines at level AA, because of the non-compliances listed below.",
        },
        nonAccessible: {
          heading: "Non-accessible content",
          body: "### Non-compliance with Law 4/2004\n\n- **PDF documents.** The letter with the second half of the PIN, the PIN card, the contribution statement and the pension slip are tagged PDFs: they carry the structure of headings, paragraphs and lists, the language and the document title. They have not yet been verified as conforming to the PDF/UA standard (ISO 14289-1) with a dedicated validation tool. The contribution statement and the pension slip can also be read on the service's own pages, in HTML.\n- **API documentation** (address /api/docs). This page is for developers who connect other systems to the service; it is produced by a third-party tool (Swagger UI) and its accessibility has not been checked. It is not linked from the citizens' pages. The same description is available as an OpenAPI document in JSON (/api/docs/json).\n- **Session time.** For security, the session ends after {{idleMinutes}} minutes without activity, with no warning before it does (WCAG success criterion 2.2.1, Timing Adjustable). After logging in again you come back to the page you were on.\n\n### Disproportionate burden\n\nNo content is excluded on grounds of disproportionate burden.\n\n### Content outside the scope of the applicable legislation\n\nNone.",
        },
        written: {
          heading: "Preparation of this accessibility statement",
          body: "This statement was prepared on {{written}}.\n\nIt was prepared through a self-assessment carried out by INPS:\n\n- automated checks with axe-core on every page of the service, in Italian and in English, in the Chromium browser;\n- keyboard-only checks: focus order, the link to skip to the content, the error summary of the forms;\n- checks of the pages without JavaScript and at the width of a phone screen.\n\nThe statement was last reviewed on {{reviewed}}. It is updated at least once a year and whenever the service changes significantly.",
        },
        feedback: {
          heading: "Feedback and contact information",
          body: "To report content you cannot use, or to ask for content excluded from this statement in an accessible format, write to [accessibilita@inps.it](mailto:accessibilita@inps.it) saying which page and what the problem is. INPS answers within 30 days.\n\nYou can also call the INPS Contact Centre on +39 06 164164 from abroad and from mobiles, or on 803 164 free from Italian landlines: Monday to Friday 8am to 8pm, Saturday 8am to 2pm, Italian time.",
        },
        enforcement: {
          heading: "Enforcement procedure",
          body: "If the answer is unsatisfactory, or there is no answer within 30 days of your report, you can turn to the Digital Ombudsman (Difensore civico per il digitale) at the Agency for Digital Italy (AgID), using the [reporting form on the AgID website](https://form.agid.gov.it/) (Article 3-quinquies, paragraph 3, of Law 4/2004).",
        },
        about: {
          heading: "About the service",
          body: "- The pages are produced on the server in HTML and also work without JavaScript.\n- The design follows Bootstrap Italia, the design system of Italian public services, with larger text than usual.\n- Every page is available in Italian and in English.",
        },
      },
    },

    privacy: {
      title: "Privacy notice",
      intro:
        "This notice explains, as Article 13 of Regulation (EU) 2016/679 (General Data Protection Regulation, GDPR) requires, how INPS processes the personal data of people who use the PIN service for citizens living abroad.",
      controller: {
        heading: "Data controller",
        body: "Istituto Nazionale della Previdenza Sociale (INPS), Via Ciro il Grande 21, 00144 Roma, Italy.",
      },
      dpo: {
        heading: "Data Protection Officer",
        body: "INPS has appointed a Data Protection Officer (DPO), whom you can contact:\n\n- by certified e-mail (PEC): [responsabileprotezionedati@postacert.inps.gov.it](mailto:responsabileprotezionedati@postacert.inps.gov.it);\n- by post: INPS, Responsabile della protezione dei dati, Via Ciro il Grande 21, 00144 Roma, Italy.",
      },
      processings: {
        heading: "How the PIN service uses your data",
        intro:
          "The service processes personal data for four purposes. For each one you will find which data, why, on what legal basis, who receives them and how long they are kept.",
        labels: {
          data: "Data processed",
          purpose: "Purpose",
          basis: "Legal basis",
          recipients: "Who receives the data",
          retention: "Retention",
        },
        items: {
          claim: {
            heading: "1. Claiming and issuing the PIN",
            data: "Fiscal code, surname, given names, sex, date and place of birth; address of residence abroad; mobile number and e-mail address; type, number and issuing country of the identity document. These data are compared with those already in the INPS archives. The PIN is kept only in an irreversibly scrambled form (a hash): nobody, not even INPS staff, can read it.",
            purpose:
              "To check your identity and your right to a PIN (residence abroad, no Italian identity document), issue the PIN and let you use the INPS online services.",
            basis:
              "Performance of a task carried out in the public interest (Article 6(1)(e) GDPR; Article 2-ter of the Italian Personal Data Protection Code, Legislative Decree 196/2003), under Article 64 of the Italian Digital Administration Code (Legislative Decree 82/2005) and INPS Circular no. 127 of 12 August 2021.",
            recipients:
              "Authorised INPS staff. The data are not published or used for other purposes.",
            retention:
              "For as long as the PIN is active and afterwards for the period set by the INPS records retention plan.",
          },
          security: {
            heading: "2. Login and security",
            data: "The fiscal code and PIN typed to log in (the PIN is only compared with its scrambled form, never recorded); the source IP address and the type of browser; the device cookie of a browser in which you have logged in before; the counters of attempts and requests, in which fiscal codes, IP addresses and contacts appear only as fingerprints made with a secret key (keyed hashes); the audit trail: who did what, on which fiscal code, when, from where and with what outcome.",
            purpose:
              "To protect your PIN and your data: stop anyone trying to guess the PIN, limit repeated requests, prevent fraud, and be able to reconstruct every operation in case of a dispute or a security incident.",
            basis:
              "Performance of a task carried out in the public interest (Article 6(1)(e) GDPR) and the obligation to keep processing secure (Article 6(1)(c) and Article 32 GDPR).",
            recipients:
              "INPS security staff and, where necessary, the judicial authorities or the police.",
            retention:
              "The session is deleted when it ends: after {{idleMinutes}} minutes without activity, after {{sessionHours}} hours at most, or when you log out. The counters are deleted when their counting period ends. A device is recognised for 2 years. The audit trail, which never contains the PIN, is kept for the period set by the INPS records retention plan.",
          },
          messages: {
            heading: "3. Sending text messages, e-mails and letters",
            data: "Mobile number, e-mail address, name and postal address, the text of the message. When a message carries half of the PIN, that half stays encrypted until the message is delivered and is then erased.",
            purpose:
              "To send you the two halves of the PIN, news about your claim and security notices, for example when your PIN gets locked.",
            basis:
              "Performance of a task carried out in the public interest (Article 6(1)(e) GDPR).",
            recipients:
              "The providers that send text messages and e-mails and the one that prints and posts the letters, appointed by INPS as processors (Article 28 GDPR). To deliver a text message or a letter in the country where you live, the number or the address also goes to that country's telephone and postal operators.",
            retention:
              "{{retentionDays}} days after delivery or after the last failed attempt: then the recipient and the text are erased, and only the fact that a message was sent remains.",
          },
          verification: {
            heading: "4. Verification of the claim by the Contact Centre",
            data: "The data of the claim, the outcome of the automatic checks against the INPS archives and why they failed, the operator's notes and the outcome of the call.",
            purpose:
              "When your data cannot be checked automatically, an operator calls you to check them with you and then either issues the PIN or turns the claim down and writes to you with the reason.",
            basis:
              "Performance of a task carried out in the public interest (Article 6(1)(e) GDPR).",
            recipients:
              "Authorised operators of the INPS Contact Centre. If the service is entrusted to an outside company, INPS appoints it as a processor (Article 28 GDPR).",
            retention:
              "As for the claim (point 1). Every action of the operator stays in the audit trail (point 2).",
          },
        },
      },
      sections: {
        required: {
          heading: "Do I have to provide the data?",
          body: "Yes, to get a PIN: without the data asked for, your identity cannot be checked and the PIN cannot be issued. Optional fields are marked in the form.",
        },
        automated: {
          heading: "Automated decisions",
          body: "The automatic checks compare the data of the claim with the INPS archives. If they pass, the PIN is issued at once; if they fail, the claim is not turned down automatically but goes to an operator (point 4).\n\nA claim is turned down at once only when you yourself declare a residence in Italy or an Italian identity document: in that case the PIN is not available and the page points you to SPID, CIE or CNS.",
        },
        rights: {
          heading: "Your rights",
          body: "You have the right to:\n\n- access your data and get a copy (Article 15 GDPR);\n- have them corrected or completed (Article 16);\n- ask for them to be erased, where the law allows it (Article 17): data INPS needs for its public tasks may have to be kept;\n- ask for the processing to be restricted (Article 18);\n- object to the processing on grounds relating to your particular situation (Article 21).\n\nThe right to data portability (Article 20) does not apply, because this processing is based on a task in the public interest, not on consent or a contract. On automated decisions (Article 22) see the previous section.\n\nTo exercise your rights, write to the Data Protection Officer at the addresses above, with your fiscal code and a copy of an identity document. INPS answers within one month; in complex cases this may be extended by two months, and we will tell you if so (Article 12 GDPR). To change your mobile number or e-mail you can also call the Contact Centre.",
        },
        complaint: {
          heading: "Complaints to the supervisory authority",
          body: "If you think the processing of your data breaches the GDPR, you can lodge a complaint with the Italian data protection authority, the [Garante per la protezione dei dati personali](https://www.garanteprivacy.it/), or with the supervisory authority of the EU country where you live or work (Article 77 GDPR). You can also go to court.",
        },
      },
      cookies: {
        heading: "Cookies",
        body: "The service uses only **technical cookies**, needed for it to work: no profiling, statistics or third-party cookies, and nothing loaded from other websites. This is why we do not ask for your consent (Article 122 of the Italian Personal Data Protection Code and the Garante's cookie guidelines of 10 June 2021).\n\nYou can delete the cookies in your browser settings: you will have to log in again, and the browser will no longer be recognised as your device.",
        caption: "Cookies used by the service",
        name: "Name",
        purpose: "What it is for",
        lifetime: "Lifetime",
        rows: {
          session: {
            purpose: "Keeps you logged in after you have entered with your PIN.",
            lifetime:
              "{{sessionHours}} hours at most; the session ends sooner after {{idleMinutes}} minutes without activity or when you log out.",
          },
          device: {
            purpose:
              "Recognises a browser in which you have logged in successfully, so that a lock caused by someone else does not lock you out. It holds a signed random code, no personal data in clear.",
            lifetime: "2 years.",
          },
          csrf: {
            purpose: "Protects the forms: stops another website from sending them in your place.",
            lifetime: "Until the browser is closed.",
          },
          claim: {
            purpose:
              "Shows the outcome of the PIN claim you have just sent, with its reference number, even if you reload the page.",
            lifetime: "1 day.",
          },
          lang: {
            purpose: "Remembers the language you chose (Italian or English).",
            lifetime: "1 year.",
          },
        },
      },
    },

    legal: {
      title: "Legal notes",
      sections: {
        copyright: {
          heading: "Copyright",
          body: "© Istituto Nazionale della Previdenza Sociale (INPS). The texts, graphics and images of this service belong to INPS unless stated otherwise.\n\nThe design uses the Bootstrap Italia design system, distributed under the 3-clause BSD licence, and the Titillium Web typeface, distributed under the SIL Open Font License. The source code of the service is distributed under the EUPL 1.2 licence.",
        },
        reuse: {
          heading: "Use of the content",
          body: "The information texts may be reproduced provided the source (INPS) is credited and their meaning is not altered. The INPS name, logo and marks may not be used without permission.\n\nThe personal data shown on the private pages are yours: use them only for yourself and do not share them with others.",
        },
        disclaimer: {
          heading: "Disclaimer",
          body: "INPS takes care that the information in this service is correct and up to date, but it is general information: in case of doubt, the laws, regulations and INPS circulars prevail.\n\nThe service may be interrupted for maintenance or for technical reasons. INPS is not liable for damage caused by improper use of the PIN: keep it safe and do not tell it to anyone.",
        },
        links: {
          heading: "Links to other websites",
          body: "This service links to the websites of other public bodies, for example the Agency for Digital Italy and the Italian data protection authority. INPS is not responsible for their content.\n\nOther websites may link freely to the home page of this service, provided it opens in full, at its own address, and not inside the pages of another website.",
        },
      },
    },

    help: {
      title: "Help and frequently asked questions",
      intro:
        "Here you will find answers to the most common questions about the INPS PIN for people living abroad. If your question is not answered here, call the Contact Centre: the [Contact Centre numbers and hours](#faq-contact) are at the end of this page.",
      faq: {
        who: {
          heading: "Who can have a PIN?",
          body: "The PIN is for people who **live abroad** and **have no Italian identity document** (no Italian identity card or passport), whether they are Italian citizens or not. To prove who you are, a document from the country where you live or a passport is enough.\n\nPeople who live in Italy, or have an Italian document, cannot have a PIN: they use the INPS services with SPID, the Electronic Identity Card (CIE) or the National Services Card (CNS).",
        },
        claim: {
          heading: "How do I claim a PIN?",
          body: "The simplest way is online: [claim your PIN online](/richiedi-pin). You will need:\n\n- your Italian fiscal code;\n- the address where you live abroad, as INPS has it;\n- a mobile number or an e-mail address;\n- an identity document from the country where you live, or a passport.\n\nIf your data match those held by INPS, the PIN is issued at once. If not, you do not need to do anything: a Contact Centre operator will call you from {{callNumber}} within {{callDays}} working days to check the data with you.\n\nYou can also claim a PIN by calling the Contact Centre, or in person at an INPS office, by appointment, with form MV35: at the office you are given the whole PIN straight away.",
        },
        halves: {
          heading: "Why does the PIN come in two parts?",
          body: "For security, your first PIN, 16 characters long, comes in two halves by two different routes:\n\n- the **first 8 characters** by text message or e-mail, as you chose, usually within a few minutes;\n- the **other 8 characters** by letter, to the home address INPS has on record.\n\nThe letter is posted from Italy and usually takes:\n\n- in Europe, {{euMin}} to {{euMax}} working days;\n- in the Americas, {{amMin}} to {{amMax}} working days;\n- in other countries, {{otherMin}} to {{otherMax}} working days.\n\nKeep the text message or e-mail until the letter arrives: you need both parts.",
        },
        first: {
          heading: "How do I log in for the first time?",
          body: "When you have both parts, go to [log in with your PIN](/accedi). Type your fiscal code and then the 16 characters: first the 8 from the text message or e-mail, then the 8 from the letter. Spaces do not matter.\n\nThe system then creates your **8-character PIN**, to use from now on. It is shown **only once**: write it down on paper or print the PIN card, and keep it apart from your fiscal code. The 16-character PIN no longer works.",
        },
        renew: {
          heading: "Does the PIN expire?",
          body: "Yes: the 8-character PIN expires every **6 months**, for security. You do not need to ask for anything. When you log in after it has expired, with the PIN you have, the system guides you to get a new 8-character PIN. Write it down as you did the first time. The new PIN gives you the same services as the old one.",
        },
        locked: {
          heading: "I typed the wrong PIN many times: what happens?",
          body: "After **10 wrong attempts** in a row, logging in is locked for **5 minutes**. Wait a full 5 minutes without trying again: every attempt during the lock, even with the right PIN, starts the 5 minutes again.\n\nIf someone else caused the lock, the computer or phone you usually use keeps working: the system recognises the browser in which you have logged in successfully before.\n\nWhen your PIN gets locked we send you a notice by text message or e-mail. If it was not you, call the Contact Centre.",
        },
        smsMissing: {
          heading: "The text message or e-mail has not arrived: what do I do?",
          body: "- Text message: check that your phone is on and can receive messages from abroad.\n- E-mail: check your junk (spam) folder too.\n\nIf nothing has arrived after a day, call the Contact Centre. Do not send a new claim: your PIN already exists.",
        },
        letterMissing: {
          heading: "The letter has not arrived: what do I do?",
          body: "Post from Italy can be slow. Call the Contact Centre if the letter has not arrived after:\n\n- {{euOverdue}} working days, if you live in Europe;\n- {{amOverdue}} working days, if you live in the Americas;\n- {{otherOverdue}} working days, if you live in another country.\n\nHave ready the reference number you saw at the end of your online claim: the operator will explain how to get a new letter. Also check that the address INPS has on record is complete and correct.",
        },
        lost: {
          heading: "I have lost my PIN: what do I do?",
          body: "For now, call the Contact Centre: the operator will check your identity and explain how to get a new PIN. If you think someone else knows your PIN, tell the operator straight away.\n\nNever tell your PIN to anyone: INPS never asks for it, not by phone, text message or e-mail.",
        },
        level: {
          heading: "Can I apply for a benefit with a PIN claimed online?",
          body: "A PIN claimed online or by phone is an **ordinary** PIN: you can use it to look at your data, such as the contribution statement and the pension slip, and also to file a benefit claim so that deadlines do not run out. For the claim to be processed, though, you need a **dispositive** PIN: call the Contact Centre to find out how to get one.",
        },
        contact: {
          heading: "How can I talk to INPS?",
          body: "Call the INPS Contact Centre:\n\n- **+39 06 164164** from abroad and from mobiles: it costs a call to Italy, at your phone company's rates;\n- **803 164**, free, only from a landline in Italy.\n\nHours: Monday to Friday 8am to 8pm, Saturday 8am to 2pm, **Italian time**. Check the time difference with the country where you live.\n\nHave your fiscal code ready and, if you have one, the reference number of your claim. The operator will never ask you for your PIN.",
        },
      },
    },
  },
};
