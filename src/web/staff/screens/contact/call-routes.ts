/**
 * /operatori/contact-center/chiamata…: an incoming call without JavaScript — the identity
 * check form, then the actions for the checked caller (each a plain form posting to the same
 * flow as the API), the inbound claim and its first half to read out. The check's id travels
 * in the path: it is no secret (only the agent who made it may use it, for 30 minutes).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../../../domain/errors.ts";
import { claimReference } from "../../../../flows/initial-pin.ts";
import {
  addCallerContact,
  liftCallerLockout,
  resendCallerLetter,
  revokeCallerPin,
} from "../../../../flows/staff/contact-callers.ts";
import { registerInboundClaim } from "../../../../flows/staff/contact-claim.ts";
import {
  checkCallerIdentity,
  requirePassedCheck,
} from "../../../../flows/staff/contact-identity.ts";
import { CONTACT_ROLES } from "../../../../http/api/staff/contact-docs.ts";
import { langOf } from "../../../../http/lang.ts";
import { staffOf } from "../../../../http/staff-request.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { dangerNotice, formFailure } from "../../../form-failure.ts";
import { csrfFor, formOf, sendHtml } from "../../../render.ts";
import { formToClaimBody } from "../../../screens/claim/form-mapping.ts";
import type { ScreenDeps } from "../../../screens/types.ts";
import {
  CALL_PATH,
  callerPage,
  checkPage,
  CHECK_FIELD_IDS,
  firstHalfPage,
  inboundClaimPage,
  type CallerView,
} from "./call-pages.ts";

const config = { staff: CONTACT_ROLES };

export function contactCallScreens({ ctx, csrfCheck }: ScreenDeps) {
  const frame = async (req: FastifyRequest, reply: FastifyReply) => ({
    lang: langOf(req),
    member: (await staffOf(ctx, req)).member,
    csrfToken: csrfFor(ctx, req, reply),
  });

  /** The caller behind a check id, or the check form saying the check is gone. */
  const callerOf = async (
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<CallerView | FastifyReply> => {
    const { checkId } = req.params as { checkId: string };
    const { member } = await staffOf(ctx, req);
    try {
      const c = await requirePassedCheck(ctx.uow.direct, member, checkId, ctx.clock.now());
      return { checkId: c.id, fiscalCode: c.fiscalCode, expiresAt: c.expiresAt };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const f = await frame(req, reply);
      const notice = { tone: "danger" as const, title: t(f.lang, "staffContact.caller.expired") };
      return sendHtml(reply, checkPage({ ...f, values: {}, errors: new Map(), notice }), 403);
    }
  };
  const isReply = (v: CallerView | FastifyReply): v is FastifyReply => !("checkId" in v);

  return async function contactCall(app: FastifyInstance): Promise<void> {
    app.get(CALL_PATH, { config }, async (req, reply) =>
      sendHtml(reply, checkPage({ ...(await frame(req, reply)), values: {}, errors: new Map() })),
    );

    app.post(CALL_PATH, { config, preHandler: csrfCheck }, async (req, reply) => {
      const v = formOf(req);
      const { by, member } = await staffOf(ctx, req);
      const lang = langOf(req);
      try {
        const r = await checkCallerIdentity(ctx, {
          by,
          member,
          body: {
            fiscalCode: v.fiscalCode,
            reason: { kind: "call", ref: v.callRef },
            answers: {
              birthDate: v.birthDate,
              birthPlace: v.birthPlace,
              address: {
                line1: v.line1,
                line2: v.line2,
                city: v.city,
                postalCode: v.postalCode,
                country: v.country,
              },
              healthCardNumber: v.healthCard,
            },
          },
        });
        if (r.passed) return await reply.redirect(`${CALL_PATH}/${r.checkId}`, 303);
        const notice = {
          tone: "danger" as const,
          title: t(lang, "staffContact.check.failedTitle"),
          detail: t(lang, "staffContact.check.failedDetail"),
        };
        return await sendHtml(
          reply,
          checkPage({ ...(await frame(req, reply)), values: v, errors: new Map(), notice }),
        );
      } catch (err) {
        const f = formFailure(err, lang, reply);
        const errors = new Map(
          [...f.errors].map(([field, text]) => [CHECK_FIELD_IDS[field] ?? "f-fiscalCode", text]),
        );
        return sendHtml(
          reply,
          checkPage({ ...(await frame(req, reply)), values: v, errors, notice: dangerNotice(f) }),
          f.status,
        );
      }
    });

    app.get(`${CALL_PATH}/:checkId`, { config }, async (req, reply) => {
      const caller = await callerOf(req, reply);
      if (isReply(caller)) return caller;
      return sendHtml(reply, callerPage({ ...(await frame(req, reply)), caller }));
    });

    const actions = [
      { path: "contatto", run: addCallerContact, done: "contactAdded" },
      { path: "revoca", run: revokeCallerPin, done: "revoked" },
      { path: "sblocco", run: liftCallerLockout, done: "lifted" },
      { path: "lettera", run: resendCallerLetter, done: "letterSent" },
    ] as const;
    for (const a of actions)
      app.post(
        `${CALL_PATH}/:checkId/${a.path}`,
        { config, preHandler: csrfCheck },
        async (req, reply) => {
          const caller = await callerOf(req, reply);
          if (isReply(caller)) return caller;
          const { by, member } = await staffOf(ctx, req);
          const lang = langOf(req);
          const v = formOf(req);
          try {
            if (a.path === "revoca" && v.confirm !== "yes")
              throw new AppError("VALIDATION_FAILED", {
                fields: [{ field: "confirm", code: "required" }],
              });
            const out = await a.run(ctx, {
              by,
              member,
              body: { checkId: caller.checkId, kind: v.kind, value: v.value },
            });
            const count = "noticesSent" in out ? out.noticesSent : 0;
            const notice = {
              tone: "success" as const,
              title: t(lang, "staffContact.caller.done"),
              detail: t(lang, `staffContact.caller.${a.done}`, { count }),
            };
            return await sendHtml(
              reply,
              callerPage({ ...(await frame(req, reply)), caller, notice }),
            );
          } catch (err) {
            const f = formFailure(err, lang, reply);
            const notice = dangerNotice(f) ?? {
              tone: "danger" as const,
              title: t(lang, "form.errorSummary"),
              detail: [...f.errors.values()].join(" "),
            };
            return sendHtml(
              reply,
              callerPage({ ...(await frame(req, reply)), caller, notice, errors: f.errors }),
              f.status,
            );
          }
        },
      );

    app.get(`${CALL_PATH}/:checkId/richiesta-pin`, { config }, async (req, reply) => {
      const caller = await callerOf(req, reply);
      if (isReply(caller)) return caller;
      return sendHtml(
        reply,
        inboundClaimPage({
          ...(await frame(req, reply)),
          checkId: caller.checkId,
          values: { fiscalCode: caller.fiscalCode },
          errors: new Map(),
        }),
      );
    });

    app.post(
      `${CALL_PATH}/:checkId/richiesta-pin`,
      { config, preHandler: csrfCheck },
      async (req, reply) => {
        const caller = await callerOf(req, reply);
        if (isReply(caller)) return caller;
        const { by, member } = await staffOf(ctx, req);
        const lang = langOf(req);
        const v = formOf(req);
        const claimLang: Lang = v.claimLang === "en" ? "en" : "it";
        try {
          const r = await registerInboundClaim(ctx, {
            by,
            member,
            body: { ...formToClaimBody(v, claimLang), identityCheck: { checkId: caller.checkId } },
          });
          return await sendHtml(
            reply,
            firstHalfPage({
              ...(await frame(req, reply)),
              checkId: caller.checkId,
              firstHalf: r.firstHalf,
              reference: claimReference(r.claimId),
              delivery: r.delivery,
            }),
          );
        } catch (err) {
          const f = formFailure(err, lang, reply);
          return sendHtml(
            reply,
            inboundClaimPage({
              ...(await frame(req, reply)),
              checkId: caller.checkId,
              values: v,
              errors: f.errors,
              notice: dangerNotice(f),
            }),
            f.status,
          );
        }
      },
    );
  };
}
