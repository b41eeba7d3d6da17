/** English catalogue: staff area (login, enrolment, desk). */
import type { staff as italian } from "../it/staff.ts";

export const staff: typeof italian = {
  staff: {
    service: "INPS PIN - Staff area",
    home: "Desk",
    roles: {
      contact_centre_agent: "Contact Centre agent",
      office_clerk: "Office desk clerk",
      back_office_reviewer: "Back-office reviewer",
      supervisor: "Supervisor",
    },
    nav: "Functions",
    signedInAs: "{{username}} · {{role}}",
    office: "Office: {{office}}",
    homeIntro: "Choose a function. Every reading and every action is recorded in the audit trail.",
    noFunctions: "No function is available for your role.",
    login: {
      title: "Staff login",
      intro: "Log in with your username, password and the 6-digit code of your authenticator app.",
      username: "Username",
      password: "Password",
      totp: "App code (6 digits) or recovery code",
      totpHint: "Without your phone, use one of the recovery codes you received at enrolment.",
      submit: "Log in",
      expired: "Your session expired. Please log in again.",
      lockedUntil: "Try again after {{time}}.",
      loggedOut: "You have left the staff area.",
      logout: "Log out",
    },
    enrol: {
      title: "Staff account enrolment",
      intro:
        "Choose the password of your account {{username}}. Then add the account to your authenticator app.",
      introNoName:
        "Choose the password of your account. Then add the account to your authenticator app.",
      password: "New password",
      passwordHint: "At least 12 characters, not containing the username. A long phrase is safer.",
      confirmPassword: "Repeat the password",
      mismatch: "The two passwords differ.",
      submit: "Continue",
      qrTitle: "Add the account to your app",
      qrIntro:
        "Scan the QR code with your authenticator app (for example FreeOTP, Google Authenticator, Microsoft Authenticator) or type the key below.",
      qrAlt: "QR code for the authenticator app",
      secret: "Key to type by hand",
      codesTitle: "Recovery codes",
      codesIntro:
        "Write them down and keep them safe: each works once, instead of the app's code. They are shown only now.",
      codesShownBefore:
        "The recovery codes were shown at the previous step. If you did not note them, generate new ones after logging in.",
      code: "Code shown by the app (6 digits)",
      confirm: "Confirm and activate",
      done: "Account activated. You can now log in.",
      goLogin: "Go to login",
      passwordKept: "A password was already chosen with this link: the one chosen first stays.",
    },
    codes: {
      title: "New recovery codes",
      intro:
        "The previous codes no longer work. Write these down now: they will not be shown again.",
      generate: "Generate new recovery codes",
      totp: "App code (6 digits)",
      before:
        "To generate new recovery codes, type the code your app shows now. The previous codes will stop working.",
    },
  },
};
