/**
 * The holder's documents as the API and the pages send them: a benefit claim's receipt
 * (flows/benefit-claims.ts) and the conversion request form (flows/conversion.ts).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { benefitClaimForReceipt } from "../flows/benefit-claims.ts";
import { holderName } from "../flows/session.ts";
import type { Acting } from "../domain/actor.ts";
import type { SessionRecord } from "../flows/ports.ts";
import type { Lang } from "../i18n/index.ts";
import { conversionForm } from "../flows/conversion.ts";
import { benefitReceipt, renderConversionFormPdf } from "../notifications/pdf/requests.ts";
import type { AppContext } from "./context.ts";
import { citizenOf, sendPdf } from "./request.ts";

export async function sendClaimReceipt(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
): Promise<FastifyReply> {
  const c = await citizenOf(ctx, req);
  const found = await benefitClaimForReceipt(ctx, {
    ...c,
    protocol: (req.params as { protocol?: unknown }).protocol,
  });
  return sendPdf(
    reply,
    await benefitReceipt(found, holderName(c.session), lang),
    `ricevuta-${found.protocol}.pdf`,
  );
}

/** The pre-filled conversion form, named after its reference (refusals thrown to the caller). */
export async function conversionFormFile(
  ctx: AppContext,
  c: { by: Acting; session: SessionRecord },
  lang: Lang,
): Promise<{ pdf: Buffer; filename: string }> {
  const form = await conversionForm(ctx, c);
  return {
    pdf: await renderConversionFormPdf({ ...form, lang }),
    filename: `richiesta-pin-dispositivo-${form.reference}.pdf`,
  };
}
