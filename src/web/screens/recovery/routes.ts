/** /recupera-pin: PIN recovery (flows/recovery.ts) as pages, on the anonymous-request shape. */
import * as recovery from "../../../flows/recovery.ts";
import { anonymousRequestScreens } from "../anonymous-request.ts";
import type { ScreenDeps } from "../types.ts";
import {
  RECOVERY_CONFIRM_PATH,
  RECOVERY_DONE_PATH,
  RECOVERY_PATH,
  RECOVERY_SENT_PATH,
  recoveryConfirmPage,
  recoveryDonePage,
  recoveryFormPage,
  recoveryInvalidPage,
  recoverySentPage,
} from "./page.ts";

export function recoveryScreens(deps: ScreenDeps) {
  const { ctx } = deps;
  return anonymousRequestScreens(deps, {
    paths: { form: RECOVERY_PATH, sent: RECOVERY_SENT_PATH },
    formPage: recoveryFormPage,
    sentPage: recoverySentPage,
    submit: (by, v, lang) =>
      recovery.requestRecovery(ctx, {
        by,
        body: { fiscalCode: v.fiscalCode, mobile: v.mobile, email: v.email, pec: v.pec, lang },
      }),
    link: {
      paths: { confirm: RECOVERY_CONFIRM_PATH, done: RECOVERY_DONE_PATH },
      cookie: "recovery",
      usable: (token) => recovery.recoveryLinkUsable(ctx, token),
      confirm: async (by, token) => {
        const done = await recovery.confirmRecovery(ctx, { by, token });
        return JSON.stringify([done.firstHalfTo, done.secondHalfTo]);
      },
      confirmPage: recoveryConfirmPage,
      donePage: (lang, data) => {
        const to = parsePair(data);
        return to === null ? null : recoveryDonePage(lang, to);
      },
      invalidPage: recoveryInvalidPage,
    },
  });
}

function parsePair(value: string): { first: string; second: string } | null {
  try {
    const v: unknown = JSON.parse(value);
    if (Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string")
      return { first: v[0], second: v[1] };
  } catch {
    // a forged or stale cookie
  }
  return null;
}
