/**
 * The personal area and the consultation pages: contribution statement and pension slips, as
 * pages and as printable PDFs.
 */
import type { FastifyInstance } from "fastify";
import { pinExpiresAt } from "../../../domain/credential.ts";
import { romeDate } from "../../../domain/eligibility.ts";
import { AppError } from "../../../domain/errors.ts";
import { contributionStatement, pensionSlips } from "../../../flows/consult.ts";
import { langOf } from "../../../http/lang.ts";
import { liveSessionOf, sendPdf } from "../../../http/request.ts";
import { civilDate } from "../../../i18n/format.ts";
import {
  renderContributionStatementPdf,
  renderPensionSlipPdf,
} from "../../../notifications/pdf.ts";
import { csrfFor, sendHtml, userOf } from "../../render.ts";
import type { ScreenDeps } from "../types.ts";
import { contributionsPage, personalAreaPage, slipsPage } from "./pages.ts";

export function consultationScreens({ ctx }: ScreenDeps) {
  const personal = { config: { journey: "personal" as const } };
  return async function consultation(app: FastifyInstance): Promise<void> {
    app.get("/area-personale", personal, async (req, reply) => {
      const { session: s } = await liveSessionOf(ctx, req);
      const lang = langOf(req);
      return sendHtml(
        reply,
        personalAreaPage(lang, {
          user: userOf(s),
          csrfToken: csrfFor(ctx, req, reply),
          level: s.level,
          expiresOn: civilDate(lang, romeDate(pinExpiresAt(s.credentialSetAt))),
        }),
      );
    });

    app.get("/estratto-conto", personal, async (req, reply) => {
      const { session: s } = await liveSessionOf(ctx, req);
      const statement = await contributionStatement(ctx.uow.direct.archive, s.fiscalCode);
      return sendHtml(
        reply,
        contributionsPage(langOf(req), {
          user: userOf(s),
          csrfToken: csrfFor(ctx, req, reply),
          statement,
        }),
      );
    });

    app.get("/estratto-conto.pdf", personal, async (req, reply) => {
      const { session: s } = await liveSessionOf(ctx, req);
      const statement = await contributionStatement(ctx.uow.direct.archive, s.fiscalCode);
      const pdf = await renderContributionStatementPdf({
        lang: langOf(req),
        holderName: userOf(s).name,
        fiscalCode: s.fiscalCode,
        generatedOn: romeDate(ctx.clock.now()),
        statement,
      });
      return sendPdf(reply, pdf, "estratto-conto-inps.pdf");
    });

    app.get("/cedolino", personal, async (req, reply) => {
      const { session: s } = await liveSessionOf(ctx, req);
      const slips = await pensionSlips(ctx.uow.direct.archive, s.fiscalCode);
      return sendHtml(
        reply,
        slipsPage(langOf(req), { user: userOf(s), csrfToken: csrfFor(ctx, req, reply), slips }),
      );
    });

    app.get("/cedolino/:month.pdf", personal, async (req, reply) => {
      const { session: s } = await liveSessionOf(ctx, req);
      const month = (req.params as { month: string }).month;
      const payment = /^\d{4}-\d{2}$/u.test(month)
        ? (await pensionSlips(ctx.uow.direct.archive, s.fiscalCode)).find((p) => p.month === month)
        : undefined;
      if (payment === undefined) throw new AppError("NOT_FOUND");
      const pdf = await renderPensionSlipPdf({
        lang: langOf(req),
        holderName: userOf(s).name,
        fiscalCode: s.fiscalCode,
        generatedOn: romeDate(ctx.clock.now()),
        payment,
      });
      return sendPdf(reply, pdf, `cedolino-inps-${month}.pdf`);
    });
  };
}
