/** The back office's page frame: the citizens' frame with the staff member, role and logout. */
import type { StaffMember } from "../../domain/staff.ts";
import { findOffice } from "../../domain/offices.ts";
import { t, type Lang } from "../../i18n/index.ts";
import { html, type Html } from "../html.ts";
import { page } from "../layout.ts";

export interface StaffPageOptions {
  lang: Lang;
  title: string;
  path: string;
  body: Html;
  /** The member logged in (null on the login and enrolment pages). */
  member: StaffMember | null;
  csrfToken?: string | undefined;
  /** On a form page: the id of the form (the language switch keeps what was typed). */
  langSwitchForm?: string;
}

export function staffPage(o: StaffPageOptions): string {
  const m = o.member;
  const office = m?.officeId === null || m === null ? undefined : findOffice(m.officeId);
  return page({
    lang: o.lang,
    title: o.title,
    path: o.path,
    serviceName: t(o.lang, "staff.service"),
    homeHref: "/operatori",
    logoutAction: "/operatori/esci",
    csrfToken: o.csrfToken,
    ...(o.langSwitchForm === undefined ? {} : { langSwitchForm: o.langSwitchForm }),
    user:
      m === null
        ? null
        : {
            name: t(o.lang, "staff.signedInAs", {
              username: m.username,
              role: t(o.lang, `staff.roles.${m.role}`),
            }),
          },
    body: html`${
      m === null || o.path === "/operatori"
        ? ""
        : html`<nav aria-label="breadcrumb" class="breadcrumb-container mb-3"><ol class="breadcrumb p-0"><li class="breadcrumb-item"><a href="/operatori">${t(o.lang, "staff.home")}</a></li></ol></nav>`
    }${office === undefined ? "" : html`<p class="small text-muted mb-2">${t(o.lang, "staff.office", { office: office.name[o.lang] })}</p>`}${o.body}`,
  });
}
