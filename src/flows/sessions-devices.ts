/**
 * The holder's open sessions and known devices (issue 6 §7): list them (the current session
 * and this browser flagged), end a session (the current one: a logout), forget a device (its
 * device cookie then counts on the shared lockout counter, as an unknown browser's, until the
 * next successful login from it). Sessions and devices are named by public ids only; an id that
 * is not the holder's answers exactly like one that does not exist. Every change is audited.
 */
import type { Acting } from "../domain/actor.ts";
import { AppError } from "../domain/errors.ts";
import { summariseUserAgent, type DeviceSummary } from "../domain/user-agent.ts";
import { deviceIdFor } from "../security/device-cookie.ts";
import type { PersonalDeps } from "./activity.ts";
import type { SessionPolicy } from "./deps.ts";
import { subjectKeyOf } from "./pin-check.ts";
import type { SessionRecord } from "./ports.ts";

export type SessionsDeps = PersonalDeps & { sessions: SessionPolicy };

export interface SessionView {
  id: string;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  device: DeviceSummary;
}

export interface DeviceView {
  id: string;
  thisBrowser: boolean;
  createdAt: Date;
  lastUsedAt: Date;
  device: DeviceSummary;
}

export interface SessionsAndDevices {
  sessions: SessionView[];
  devices: DeviceView[];
}

export async function sessionsAndDevices(
  deps: SessionsDeps,
  req: { session: SessionRecord; deviceCookie: string | undefined },
): Promise<SessionsAndDevices> {
  const subjectKey = subjectKeyOf(deps, req.session.fiscalCode);
  const here = deviceIdFor(deps.keys.device, req.deviceCookie, subjectKey);
  const data = deps.uow.direct.personalData;
  const [sessions, devices] = await Promise.all([
    data.sessions(req.session.fiscalCode),
    data.devices(subjectKey),
  ]);
  // Sessions past their idle or absolute time are over, even before housekeeping sweeps them.
  const now = deps.clock.now().getTime();
  const live = sessions.filter(
    (s) =>
      s.idHash === req.session.idHash ||
      (now - s.lastSeenAt.getTime() <= deps.sessions.idleSeconds * 1000 &&
        now - s.createdAt.getTime() <= deps.sessions.absoluteSeconds * 1000),
  );
  return {
    sessions: live.map((s) => ({
      id: s.id,
      current: s.idHash === req.session.idHash,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      device: summariseUserAgent(s.userAgent),
    })),
    devices: devices.map((d) => ({
      id: d.id,
      thisBrowser: d.deviceId === here,
      createdAt: d.createdAt,
      lastUsedAt: d.lastUsedAt,
      device: summariseUserAgent(d.userAgent),
    })),
  };
}

/** Ends one of the holder's sessions; `current`: it was the one asking (the caller logs out). */
export async function endSession(
  deps: SessionsDeps,
  req: { by: Acting; session: SessionRecord; id: unknown },
): Promise<{ current: boolean }> {
  const fc = req.session.fiscalCode;
  const id = typeof req.id === "string" ? req.id.toLowerCase() : "";
  const ended = await deps.uow.run(async (r) => {
    const idHash = await r.personalData.endSession(fc, id);
    if (idHash === null) return null;
    const current = idHash === req.session.idHash;
    r.audit.record({
      type: "session.ended",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: fc,
      details: { reason: current ? "logout" : "ended_by_holder" },
    });
    return { idHash, current };
  });
  if (ended === null) return refuse(deps, req, "session.end_refused");
  deps.sessions.cache?.delete(ended.idHash);
  return { current: ended.current };
}

/**
 * An id that is not one of the holder's (another person's, a guess, a stale page): audited on
 * its own — so probing for other people's ids leaves a trace — and answered NOT_FOUND.
 */
async function refuse(
  deps: SessionsDeps,
  req: { by: Acting; session: SessionRecord },
  type: "session.end_refused" | "device.forget_refused",
): Promise<never> {
  await deps.uow.run(async (r) => {
    r.audit.record({
      type,
      outcome: "refused",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: req.session.fiscalCode,
      details: { reason: "not_found" },
    });
  });
  throw new AppError("NOT_FOUND");
}

export async function forgetDevice(
  deps: SessionsDeps,
  req: { by: Acting; session: SessionRecord; id: unknown },
): Promise<void> {
  const fc = req.session.fiscalCode;
  const id = typeof req.id === "string" ? req.id.toLowerCase() : "";
  const forgotten = await deps.uow.run(async (r) => {
    if (!(await r.personalData.forgetDevice(subjectKeyOf(deps, fc), id))) return false;
    r.audit.record({
      type: "device.forgotten",
      outcome: "success",
      actor: req.by.actor,
      origin: req.by.origin,
      subject: fc,
      details: {},
    });
    return true;
  });
  if (!forgotten) await refuse(deps, req, "device.forget_refused");
}
