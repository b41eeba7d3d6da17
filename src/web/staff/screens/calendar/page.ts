/** /operatori/calendario: an office's appointments of a day, with attendance buttons. */
import type { Office } from "../../../../domain/offices.ts";
import { OFFICES } from "../../../../domain/offices.ts";
import type { StaffMember } from "../../../../domain/staff.ts";
import type { CalendarItem } from "../../../../flows/appointments-calendar.ts";
import { t, type Lang } from "../../../../i18n/index.ts";
import { romeTime } from "../../../../i18n/format.ts";
import {
  csrfInput,
  noticeAlert,
  selectField,
  textField,
  type Notice,
} from "../../../components.ts";
import { html, type Html } from "../../../html.ts";
import { fullDate } from "../../../screens/appointments/pages.ts";
import { staffPage } from "../../layout.ts";

export const CALENDAR_PATH = "/operatori/calendario";

export function calendarPage(v: {
  lang: Lang;
  member: StaffMember;
  csrfToken: string;
  /** The office shown (null: a supervisor has not chosen one yet). */
  office: Office | null;
  date: string;
  items: readonly CalendarItem[] | null;
  notice?: Notice | undefined;
  dateError?: string | undefined;
}): string {
  const { lang, member, office, date } = v;
  const c = "appointments.calendar";
  const query = new URLSearchParams({ ...(office ? { officeId: office.id } : {}), date });
  const officeChoice: Html =
    member.role === "supervisor"
      ? selectField({
          id: "f-officeId",
          name: "officeId",
          label: t(lang, `${c}.office`),
          value: office?.id,
          options: OFFICES.map((o) => ({ value: o.id, label: o.name[lang] })),
          wrapClass: "col-md-5",
        })
      : html``;
  return staffPage({
    lang,
    member,
    csrfToken: v.csrfToken,
    title: t(lang, `${c}.title`),
    path: `${CALENDAR_PATH}?${query.toString()}`,
    body: html`<h1>${t(lang, `${c}.title`)}</h1>
${noticeAlert(v.notice)}
<form method="get" action="${CALENDAR_PATH}" class="row g-3 align-items-end mb-4" novalidate>
${officeChoice}
${textField({ id: "f-date", name: "date", type: "date", label: t(lang, `${c}.date`), value: date, error: v.dateError, wrapClass: "col-md-4" })}
<div class="col-md-3 mb-4"><button type="submit" class="btn btn-primary">${t(lang, `${c}.show`)}</button></div>
</form>
${office === null || v.items === null ? "" : table(v.lang, v.csrfToken, office, date, v.items)}`,
  });
}

function table(
  lang: Lang,
  csrfToken: string,
  office: Office,
  date: string,
  items: readonly CalendarItem[],
): Html {
  const c = "appointments.calendar";
  const caption = t(lang, `${c}.caption`, {
    date: fullDate(lang, date),
    office: office.name[lang],
  });
  if (items.length === 0) return html`<h2 class="h4">${caption}</h2><p>${t(lang, `${c}.none`)}</p>`;
  return html`<div class="table-responsive"><table class="table calendar table-stack">
<caption>${caption}</caption>
<thead><tr>
  <th scope="col">${t(lang, `${c}.time`)}</th>
  <th scope="col">${t(lang, `${c}.desk`)}</th>
  <th scope="col">${t(lang, `${c}.name`)}</th>
  <th scope="col">${t(lang, `${c}.purpose`)}</th>
  <th scope="col">${t(lang, `${c}.fiscalCode`)}</th>
  <th scope="col">${t(lang, `${c}.status`)}</th>
  <th scope="col">${t(lang, `${c}.actions`)}</th>
</tr></thead>
<tbody>${items.map((a) => {
    const time = romeTime(lang, new Date(a.start));
    return html`<tr data-appointment="${a.id}">
  <th scope="row">${time}</th>
  <td data-label="${t(lang, `${c}.desk`)}">${a.desk}</td>
  <td data-label="${t(lang, `${c}.name`)}">${a.name}</td>
  <td data-label="${t(lang, `${c}.purpose`)}">${t(lang, `appointments.purposes.${a.purpose}`)}</td>
  <td data-label="${t(lang, `${c}.fiscalCode`)}">${a.fiscalCode ?? "—"}</td>
  <td data-label="${t(lang, `${c}.status`)}" class="status">${t(lang, `appointments.statuses.${a.status}`)}</td>
  <td><form method="post" action="${CALENDAR_PATH}/${a.id}/presenza" class="d-flex flex-wrap gap-2">
    ${csrfInput(csrfToken)}
    <input type="hidden" name="officeId" value="${office.id}">
    <input type="hidden" name="date" value="${date}">
    <button type="submit" name="attended" value="true" class="btn btn-sm btn-success">${t(lang, `${c}.attended`)}<span class="visually-hidden">: ${a.name}, ${time}</span></button>
    <button type="submit" name="attended" value="false" class="btn btn-sm btn-outline-secondary">${t(lang, `${c}.noShow`)}<span class="visually-hidden">: ${a.name}, ${time}</span></button>
  </form></td>
</tr>`;
  })}</tbody>
</table></div>`;
}
