/**
 * Lifting a lock or a suspension for a holder whose identity was checked by someone else (the
 * contact centre, after issue 7; an operator with `inps-pin lockout lift` until then): the
 * shared counter of unknown browsers starts from zero. Audited with who lifted it.
 */
import type { Acting } from "../domain/actor.ts";
import type { BaseDeps, FlowKeys } from "./deps.ts";
import { subjectKeyOf } from "./pin-check.ts";

export async function liftLockout(
  deps: BaseDeps & { keys: FlowKeys },
  input: { by: Acting; fiscalCode: string; reason: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    await r.throttle.recordSuccess([subjectKeyOf(deps, input.fiscalCode)], now);
    r.audit.record({
      type: "lock.lifted",
      outcome: "success",
      actor: input.by.actor,
      origin: input.by.origin,
      subject: input.fiscalCode,
      details: { reason: input.reason.slice(0, 200) },
    });
  });
}
