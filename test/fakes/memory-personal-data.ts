/**
 * The holder's own view in memory (part of memory.ts): sessions and devices as the flows see
 * them, named by stand-in public ids; the fake's audit trail keeps fiscal codes, not subject
 * keys, so activity (and the export's history) is empty here.
 */
import { createHash } from "node:crypto";
import type {
  Credential,
  NewClaim,
  PersonalDataStore,
  SessionRecord,
} from "../../src/flows/ports.ts";

/** The part of the fake's state read here (memory.ts's MemoryState has it). */
export interface PersonalDataState {
  sessions: Map<string, SessionRecord>;
  devices: Map<string, { subjectKey: string; lastUsedAt: Date }>;
  credentials: Map<string, Credential>;
  claims: Map<string, NewClaim>;
  outbox: { kind: string; channel: string; recipient: string; queuedAt: Date }[];
}

/** A stand-in public id for a session or device of the fake (a uuid-shaped hash of its key). */
export function fakePublicId(key: string): string {
  const h = createHash("sha256").update(`public:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function personalDataRepo(st: PersonalDataState): PersonalDataStore {
  return {
    activity: async () => [],
    sessions: async (fc) =>
      [...st.sessions.values()]
        .filter((x) => x.fiscalCode === fc)
        .map((x) => ({
          id: fakePublicId(x.idHash),
          idHash: x.idHash,
          createdAt: x.createdAt,
          lastSeenAt: x.lastSeenAt,
          userAgent: null,
        })),
    endSession: async (fc, publicId) => {
      for (const [h, x] of st.sessions)
        if (x.fiscalCode === fc && fakePublicId(h) === publicId) {
          st.sessions.delete(h);
          return h;
        }
      return null;
    },
    devices: async (subjectKey) =>
      [...st.devices]
        .filter(([, d]) => d.subjectKey === subjectKey)
        .map(([id, d]) => ({
          id: fakePublicId(id),
          deviceId: id,
          createdAt: d.lastUsedAt,
          lastUsedAt: d.lastUsedAt,
          userAgent: null,
        })),
    forgetDevice: async (subjectKey, publicId) => {
      for (const [id, d] of st.devices)
        if (d.subjectKey === subjectKey && fakePublicId(id) === publicId)
          return st.devices.delete(id);
      return false;
    },
    credentials: async (fc) =>
      [...st.credentials.values()]
        .filter((c) => c.fiscalCode === fc)
        .map((c) => ({
          kind: c.kind,
          level: c.level,
          status: c.status,
          setAt: c.setAt,
          endedAt: null,
        })),
    claims: async (fc) =>
      [...st.claims.values()]
        .filter((c) => c.fiscalCode === fc)
        .map((c) => ({
          id: c.id,
          channel: c.channel,
          status: c.status,
          delivery: c.delivery,
          createdAt: c.createdAt,
          decidedAt: null,
        })),
    messages: async (recipients) =>
      st.outbox
        .filter((m) => recipients.includes(m.recipient))
        .map((m) => ({
          kind: m.kind,
          channel: m.channel,
          recipient: m.recipient,
          status: "queued",
          createdAt: m.queuedAt,
          sentAt: null,
        })),
  };
}
