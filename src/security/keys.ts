/** Every key the service uses, derived from the pepper (HKDF), one per purpose. */
import { createSecretKey } from "node:crypto";
import type { FlowKeys } from "../flows/deps.ts";
import type { AuditKeys } from "../store/audit.ts";
import { deriveKey } from "./crypto.ts";

export function deriveKeys(pepper: Buffer): { flow: FlowKeys; audit: AuditKeys; cookie: Buffer } {
  const key = (purpose: string) => createSecretKey(deriveKey(pepper, purpose));
  const subject = key("login-throttle");
  return {
    flow: {
      subject,
      device: key("device-cookie"),
      limits: key("rate-limit"),
      links: key("confirmation-link"),
      staffCodes: key("staff-codes"),
      staffTotp: deriveKey(pepper, "staff-totp"),
      // The office desk (issue 7, desk).
      deskPin: deriveKey(pepper, "desk-pin-handover"),
    },
    audit: { chain: key("audit-chain"), subject },
    cookie: deriveKey(pepper, "edge-cookies"),
  };
}
