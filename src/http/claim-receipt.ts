/** A benefit claim's receipt, as the API and the pages send it (flows/benefit-claims.ts). */
import type { FastifyReply, FastifyRequest } from "fastify";
import { benefitClaimForReceipt } from "../flows/benefit-claims.ts";
import { holderName } from "../flows/session.ts";
import type { Lang } from "../i18n/index.ts";
import { benefitReceipt } from "../notifications/pdf/requests.ts";
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
