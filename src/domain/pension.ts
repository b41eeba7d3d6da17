/** Rules on pension payments shared by the pension slip (PDF) and the consultation pages. */
import type { PensionPayment } from "./archive.ts";

/**
 * Whether the payment includes the tredicesima, the thirteenth monthly payment INPS adds to
 * the December instalment. The archive records it inside the December payment (gross,
 * deductions and net cover both), not as a payment of its own, so every December payment
 * includes it and no other does.
 */
export function includesThirteenth(payment: PensionPayment): boolean {
  return /^\d{4}-12$/u.test(payment.month);
}
