/** In-memory conversion requests, documents, benefit claims and PIN levels (see memory.ts). */
import { ConflictError } from "../../src/domain/errors.ts";
import type {
  BenefitClaim,
  ConversionRequest,
  Credential,
  Repos,
  SealedDocument,
} from "../../src/flows/ports.ts";

export interface RequestsState {
  credentials: Map<string, Credential>;
  conversions: Map<string, ConversionRequest>;
  documents: Map<string, SealedDocument>;
  benefitClaims: Map<string, BenefitClaim>;
  protocols: Map<number, number>;
}

type RequestRepos = Pick<Repos, "conversions" | "documents" | "benefitClaims" | "levels">;

const newestFirst = <T>(items: T[], at: (t: T) => Date): T[] =>
  items.sort((a, b) => at(b).getTime() - at(a).getTime());

export function requestRepos(st: RequestsState): RequestRepos {
  const active = (fc: string) =>
    [...st.credentials.values()].find((c) => c.fiscalCode === fc && c.status === "active");
  return {
    conversions: {
      insert: async (r) => {
        const open = [...st.conversions.values()].some(
          (c) => c.fiscalCode === r.fiscalCode && c.status === "submitted",
        );
        if (open) throw new ConflictError("open conversion");
        st.conversions.set(r.id, { ...r });
      },
      find: async (id) => st.conversions.get(id) ?? null,
      ofPerson: async (fc) =>
        newestFirst(
          [...st.conversions.values()].filter((c) => c.fiscalCode === fc),
          (c) => c.submittedAt,
        ),
      list: async (status) =>
        [...st.conversions.values()].filter((c) => status === undefined || c.status === status),
      decide: async (id, d) => {
        const c = st.conversions.get(id);
        if (c?.status !== "submitted") return false;
        Object.assign(c, { status: d.status, reason: d.reason, decidedAt: d.at, decidedBy: d.by });
        return true;
      },
      cancelOpen: async (fc, at) => {
        const ids: string[] = [];
        for (const c of st.conversions.values())
          if (c.fiscalCode === fc && c.status === "submitted") {
            Object.assign(c, {
              status: "cancelled",
              decidedAt: at,
              decidedBy: "system:revocation",
            });
            ids.push(c.id);
          }
        return ids;
      },
      purgeDocuments: async (before, now) => {
        let n = 0;
        for (const c of st.conversions.values()) {
          if (c.decidedAt === null || c.decidedAt >= before || c.documentsDeletedAt !== null)
            continue;
          c.documentsDeletedAt = now;
          for (const [id, d] of st.documents)
            if (d.requestId === c.id && st.documents.delete(id)) n++;
        }
        return n;
      },
    },
    documents: {
      put: async (d) => {
        st.documents.set(d.id, { ...d });
      },
      ofRequest: async (id) => [...st.documents.values()].filter((d) => d.requestId === id),
    },
    benefitClaims: {
      nextProtocol: async (year) => {
        const n = (st.protocols.get(year) ?? 0) + 1;
        st.protocols.set(year, n);
        return n;
      },
      insert: async (c) => {
        const twin = [...st.benefitClaims.values()].some(
          (x) =>
            x.clientKey !== null && x.fiscalCode === c.fiscalCode && x.clientKey === c.clientKey,
        );
        if (twin) throw new ConflictError("benefit claim key");
        st.benefitClaims.set(c.id, { ...c });
      },
      byClientKey: async (fc, key) =>
        [...st.benefitClaims.values()].find((x) => x.fiscalCode === fc && x.clientKey === key) ??
        null,
      ofPerson: async (fc) =>
        newestFirst(
          [...st.benefitClaims.values()].filter((c) => c.fiscalCode === fc),
          (c) => c.filedAt,
        ),
      releaseWaiting: async (fc, at) => {
        const released: string[] = [];
        for (const c of st.benefitClaims.values())
          if (c.fiscalCode === fc && c.status === "waiting_for_dispositive") {
            c.status = "in_processing";
            c.releasedAt = at;
            released.push(c.protocol);
          }
        return released.sort();
      },
    },
    levels: {
      activeLevelLocked: async (fc) => active(fc)?.level ?? null,
      makeDispositive: async (fc) => {
        const c = active(fc);
        if (c === undefined) return false;
        c.level = "dispositive";
        return true;
      },
    },
  };
}
