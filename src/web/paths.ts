/** Where each journey state belongs on the site, and the login page. */
import type { JourneyState } from "../domain/journey.ts";

export const PAGE_OF_STATE: Readonly<Record<JourneyState, string>> = {
  anonymous: "/accedi",
  pin_change_required: "/nuovo-pin",
  renewal_required: "/rinnovo-pin",
  pin_shown: "/pin/annotato",
  authenticated: "/area-personale",
};

export const LOGIN_PAGE = "/accedi";
export const PERSONAL_AREA = "/area-personale";
