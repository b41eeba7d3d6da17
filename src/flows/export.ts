/**
 * Everything the PIN service holds about the holder (GDPR Art. 15), as data for JSON and PDF.
 * The export is a list of sections, each one small function reading one kind of data: a
 * feature that keeps something about the person adds its section to EXPORT_SECTIONS (and its
 * title to the catalogue's exportDoc.sections). Nothing secret leaves: no PIN or hash, no token,
 * no message payload; the fiscal code and the health card number are masked; source addresses
 * only as countries. Each export is audited.
 */
import type { Acting } from "../domain/actor.ts";
import { maskFiscalCode } from "../domain/mask.ts";
import { allActivity } from "./activity.ts";
import { myDelegations, type DelegationView } from "./staff/desk-delegation-views.ts";
import { sessionsAndDevices, type SessionsDeps } from "./sessions-devices.ts";
import type { SessionRecord } from "./ports.ts";

export type ExportValue =
  string | number | boolean | null | readonly ExportValue[] | { readonly [k: string]: ExportValue };

export interface ExportContext {
  deps: SessionsDeps;
  session: SessionRecord;
  deviceCookie: string | undefined;
}

export interface ExportSection {
  /** The section's member in the JSON and its title key in the catalogue (exportDoc.sections). */
  key: string;
  collect(c: ExportContext): Promise<ExportValue>;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

const identity: ExportSection = {
  key: "identity",
  async collect({ deps, session }) {
    const p = await deps.uow.direct.archive.findPerson(session.fiscalCode);
    return {
      fiscalCode: maskFiscalCode(session.fiscalCode),
      surname: p?.surname ?? session.surname,
      givenNames: p?.givenNames ?? session.givenNames,
      sex: p?.sex ?? null,
      birthDate: p?.birthDate ?? null,
      birthPlaceCode: p?.birthPlaceCode ?? null,
      italianIdOnFile: p?.italianIdOnFile ?? null,
      healthCardNumber: p?.healthCard === undefined ? null : `••••${p.healthCard.number.slice(-4)}`,
      healthCardExpiry: p?.healthCard?.expiry ?? null,
    };
  },
};

const residence: ExportSection = {
  key: "residence",
  async collect({ deps, session }) {
    const r = (await deps.uow.direct.archive.findPerson(session.fiscalCode))?.residence;
    if (r === undefined) return null;
    return {
      line1: r.line1,
      line2: r.line2 ?? null,
      city: r.city,
      region: r.region ?? null,
      postalCode: r.postalCode,
      country: r.country,
    };
  },
};

const contacts: ExportSection = {
  key: "contacts",
  async collect({ deps, session }) {
    const c = await deps.uow.direct.accounts.contacts(session.fiscalCode);
    return c === null ? null : { mobile: c.mobile, email: c.email, pec: c.pec, lang: c.lang };
  },
};

const credentials: ExportSection = {
  key: "credentials",
  async collect({ deps, session }) {
    return (await deps.uow.direct.personalData.credentials(session.fiscalCode)).map((c) => ({
      kind: c.kind,
      level: c.level,
      status: c.status,
      setAt: iso(c.setAt),
      endedAt: iso(c.endedAt),
    }));
  },
};

const claims: ExportSection = {
  key: "claims",
  async collect({ deps, session }) {
    return (await deps.uow.direct.personalData.claims(session.fiscalCode)).map((c) => ({
      reference: c.id,
      channel: c.channel,
      status: c.status,
      delivery: c.delivery,
      createdAt: iso(c.createdAt),
      decidedAt: iso(c.decidedAt),
    }));
  },
};

const deviceText = (d: { browser: string | null; os: string | null }): ExportValue => ({
  browser: d.browser,
  os: d.os,
});

const sessions: ExportSection = {
  key: "sessions",
  async collect({ deps, session, deviceCookie }) {
    const v = await sessionsAndDevices(deps, { session, deviceCookie });
    return v.sessions.map((s) => ({
      id: s.id,
      current: s.current,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      device: deviceText(s.device),
    }));
  },
};

const devices: ExportSection = {
  key: "devices",
  async collect({ deps, session, deviceCookie }) {
    const v = await sessionsAndDevices(deps, { session, deviceCookie });
    return v.devices.map((d) => ({
      id: d.id,
      thisBrowser: d.thisBrowser,
      createdAt: iso(d.createdAt),
      lastUsedAt: iso(d.lastUsedAt),
      device: deviceText(d.device),
    }));
  },
};

const activity: ExportSection = {
  key: "activity",
  async collect({ deps, session }) {
    return (await allActivity(deps, session)).map((a) => ({
      at: a.at.toISOString(),
      type: a.type,
      outcome: a.outcome,
      by: a.by,
      role: a.staffRole,
      country: a.country,
      device: a.device === null ? null : deviceText(a.device),
      details: a.details,
    }));
  },
};

/**
 * The letters addressed to the holder (by fiscal code). Messages to contacts are not listed: an
 * address or number may be shared (a family, a patronato), and the outbox does not record whose
 * message it was — listing them by address would show one person the messages of another.
 */
const messages: ExportSection = {
  key: "messages",
  async collect({ deps, session }) {
    return (await deps.uow.direct.personalData.messages([session.fiscalCode])).map((m) => ({
      kind: m.kind,
      channel: m.channel,
      recipient: m.recipient === session.fiscalCode ? maskFiscalCode(m.recipient) : m.recipient,
      status: m.status,
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
    }));
  },
};

/** Conversion requests (not the documents: they are never served back). */
const conversions: ExportSection = {
  key: "conversions",
  async collect({ deps, session }) {
    return (await deps.uow.direct.conversions.ofPerson(session.fiscalCode)).map((c) => ({
      reference: c.reference,
      status: c.status,
      reason: c.reason,
      submittedAt: iso(c.submittedAt),
      decidedAt: iso(c.decidedAt),
      documentsDeletedAt: iso(c.documentsDeletedAt),
    }));
  },
};

const benefitClaims: ExportSection = {
  key: "benefitClaims",
  async collect({ deps, session }) {
    return (await deps.uow.direct.benefitClaims.ofPerson(session.fiscalCode)).map((c) => ({
      protocol: c.protocol,
      benefitType: c.benefitType,
      status: c.status,
      filedAt: iso(c.filedAt),
      releasedAt: iso(c.releasedAt),
      fields: c.fields,
    }));
  },
};

/**
 * Desk appointments booked with the person's fiscal code (issue 7, appointments): without the
 * name and contact typed at booking (anyone may type someone's fiscal code).
 */
const appointments: ExportSection = {
  key: "appointments",
  async collect({ deps, session }) {
    return (await deps.uow.direct.appointments.ofPerson(session.fiscalCode)).map((a) => ({
      officeId: a.officeId,
      start: a.start.toISOString(),
      purpose: a.purpose,
      status: a.status,
    }));
  },
};

/** Delegations given and received (issue 7, desk); the other person's fiscal code masked. */
const delegations: ExportSection = {
  key: "delegations",
  async collect({ deps, session }) {
    const mine = await myDelegations(deps, session.fiscalCode);
    const row = (role: "delegator" | "delegate") => (d: DelegationView) => ({
      role,
      person: maskFiscalCode(role === "delegator" ? d.delegateFiscalCode : d.delegatorFiscalCode),
      form: d.form,
      startDate: d.startDate,
      endDate: d.endDate,
      status: d.status,
    });
    return [...mine.given.map(row("delegator")), ...mine.received.map(row("delegate"))];
  },
};

/** The export's sections, in order. Add a feature's own section here. */
export const EXPORT_SECTIONS: readonly ExportSection[] = [
  identity,
  residence,
  contacts,
  credentials,
  claims,
  conversions,
  benefitClaims,
  sessions,
  devices,
  activity,
  messages,
  appointments,
  // The office desk (issue 7, desk).
  delegations,
];

export interface PersonalDataExport {
  generatedAt: string;
  sections: Record<string, ExportValue>;
}

export async function exportPersonalData(
  deps: SessionsDeps,
  req: {
    by: Acting;
    session: SessionRecord;
    deviceCookie: string | undefined;
    format: "json" | "pdf";
  },
  sections: readonly ExportSection[] = EXPORT_SECTIONS,
): Promise<PersonalDataExport> {
  const c: ExportContext = { deps, session: req.session, deviceCookie: req.deviceCookie };
  const out: Record<string, ExportValue> = {};
  for (const s of sections) out[s.key] = await s.collect(c);
  await deps.uow.run(async (r) => {
    r.audit.record({
      type: "data.exported",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: req.session.fiscalCode,
      details: { format: req.format },
    });
  });
  return { generatedAt: deps.clock.now().toISOString(), sections: out };
}
