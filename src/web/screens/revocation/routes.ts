/** /revoca-pin: PIN revocation (flows/revocation.ts) as pages, on the anonymous-request shape. */
import * as revocation from "../../../flows/revocation.ts";
import { anonymousRequestScreens } from "../anonymous-request.ts";
import type { ScreenDeps } from "../types.ts";
import {
  REVOCATION_CONFIRM_PATH,
  REVOCATION_DONE_PATH,
  REVOCATION_PATH,
  REVOCATION_SENT_PATH,
  revocationConfirmPage,
  revocationFormPage,
  revocationInvalidPage,
  revocationMessagePage,
} from "./page.ts";

export function revocationScreens(deps: ScreenDeps) {
  const { ctx } = deps;
  return anonymousRequestScreens(deps, {
    paths: { form: REVOCATION_PATH, sent: REVOCATION_SENT_PATH },
    formPage: revocationFormPage,
    sentPage: (lang) => revocationMessagePage(lang, REVOCATION_SENT_PATH, "sent"),
    submit: (by, v, lang) =>
      revocation.requestRevocation(ctx, {
        by,
        body: {
          fiscalCode: v.fiscalCode,
          healthCardNumber: v.healthCardNumber,
          healthCardExpiry: v.healthCardExpiry,
          email: v.email,
          pec: v.pec,
          lang,
        },
      }),
    link: {
      paths: { confirm: REVOCATION_CONFIRM_PATH, done: REVOCATION_DONE_PATH },
      cookie: "revocation",
      usable: (token) => revocation.revocationLinkUsable(ctx, token),
      confirm: async (by, token) => {
        await revocation.confirmRevocation(ctx, { by, token });
        return "revoked";
      },
      confirmPage: revocationConfirmPage,
      donePage: (lang, data) =>
        data === "revoked" ? revocationMessagePage(lang, REVOCATION_DONE_PATH, "done") : null,
      invalidPage: revocationInvalidPage,
    },
  });
}
