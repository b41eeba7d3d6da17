/**
 * /area-personale/domande: benefit claims as pages (flows/benefit-claims.ts) — the holder's
 * claims with their receipts, the catalogue, a form per benefit built from its data.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { BENEFITS, findBenefit, type Benefit } from "../../../domain/benefits.ts";
import { AppError } from "../../../domain/errors.ts";
import * as claims from "../../../flows/benefit-claims.ts";
import { langOf } from "../../../http/lang.ts";
import { sendClaimReceipt } from "../../../http/holder-documents.ts";
import { citizenOf } from "../../../http/request.ts";
import { t } from "../../../i18n/index.ts";
import { dangerNotice, formFailure } from "../../form-failure.ts";
import { csrfFor, formOf, sendHtml, userOf } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import { BENEFITS_PATH, benefitsPage, claimFormPage } from "./page.ts";

const PROTOCOL = /^INPS\.\d{4}\.\d{7}$/u;

export function benefitScreens({ ctx, csrfCheck }: ScreenDeps) {
  const personal = { config: { journey: "personal" as const } };
  const benefitOf = (req: FastifyRequest): Benefit => {
    const b = findBenefit((req.params as { type?: unknown }).type);
    if (b === undefined) throw new AppError("NOT_FOUND");
    return b;
  };

  return async function benefitPages(app: FastifyInstance): Promise<void> {
    app.get(BENEFITS_PATH, personal, async (req, reply) => {
      const { session } = await citizenOf(ctx, req);
      const lang = langOf(req);
      const filed = (req.query as { protocollo?: unknown }).protocollo;
      const mine = await claims.benefitClaimsOf(ctx, session);
      const level =
        (await ctx.uow.direct.credentials.active(session.fiscalCode))?.level ?? session.level;
      const notice =
        typeof filed === "string" && PROTOCOL.test(filed) && mine.some((c) => c.protocol === filed)
          ? {
              tone: "success" as const,
              title: t(lang, "benefits.filed"),
              detail: t(lang, "benefits.filedText", { protocol: filed }),
            }
          : undefined;
      return sendHtml(
        reply,
        benefitsPage({
          lang,
          user: userOf(session),
          csrfToken: csrfFor(ctx, req, reply),
          level,
          claims: mine,
          benefits: BENEFITS,
          notice,
        }),
      );
    });
    app.get(`${BENEFITS_PATH}/nuova/:type`, personal, async (req, reply) => {
      const { session } = await citizenOf(ctx, req);
      return sendHtml(
        reply,
        claimFormPage({
          lang: langOf(req),
          user: userOf(session),
          csrfToken: csrfFor(ctx, req, reply),
          benefit: benefitOf(req),
          values: { submission: randomUUID() },
          errors: new Map(),
        }),
      );
    });
    app.post(
      `${BENEFITS_PATH}/nuova/:type`,
      { ...personal, preHandler: csrfCheck },
      async (req, reply: FastifyReply) => {
        const c = await citizenOf(ctx, req);
        const benefit = benefitOf(req);
        const values = formOf(req);
        const lang = langOf(req);
        const fields = Object.fromEntries(
          benefit.fields.map((f) => [f.name, values[`fields.${f.name}`] ?? ""]),
        );
        try {
          const r = await claims.fileBenefitClaim(ctx, {
            ...c,
            body: { benefitType: benefit.type, fields },
            lang,
            // The form's own id: sent twice (a double click, a resubmission), one claim.
            clientKey: values.submission,
          });
          return await reply.redirect(
            `${BENEFITS_PATH}?protocollo=${encodeURIComponent(r.protocol)}`,
            303,
          );
        } catch (err) {
          const f = formFailure(err, lang, reply);
          const notice = dangerNotice(f);
          return sendHtml(
            reply,
            claimFormPage({
              lang,
              user: userOf(c.session),
              csrfToken: csrfFor(ctx, req, reply),
              benefit,
              values: { ...values, submission: values.submission ?? randomUUID() },
              errors: f.errors,
              notice,
            }),
            f.status,
          );
        }
      },
    );
    app.get(`${BENEFITS_PATH}/:protocol/ricevuta.pdf`, personal, async (req, reply) =>
      sendClaimReceipt(ctx, req, reply, langOf(req)),
    );
  };
}
