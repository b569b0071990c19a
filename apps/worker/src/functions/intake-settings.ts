import { formatDuration, type TimeStr } from "../config/duration.ts";
import { type Env } from "../env.ts";

/** The settings one intake run follows from start to end, whatever later deploys change. */
export type IntakeSettings = {
  receivedAt: string;
  /** The slot the studio holds for this brief until it is approved or expires. */
  slotHeldUntil: string;
  /** How long the brief waits for approval in all (APPROVAL_TIMEOUT). */
  approvalTimeout: TimeStr;
  /** When the client is reminded, if no approval came (APPROVAL_REMINDER_AFTER). */
  reminderAfter: TimeStr;
};

/**
 * Reads the intake settings from the env once, for the `record-brief` step: its result is
 * memoised, so every later request of the run uses these values, and an env change (a deploy)
 * only affects runs that start after it.
 */
export function captureIntakeSettings(env: Pick<Env, "APPROVAL_TIMEOUT" | "APPROVAL_REMINDER_AFTER">, now = new Date()): IntakeSettings {
  return {
    receivedAt: now.toISOString(),
    slotHeldUntil: new Date(now.getTime() + env.APPROVAL_TIMEOUT.ms).toISOString(),
    approvalTimeout: formatDuration(env.APPROVAL_TIMEOUT.ms),
    reminderAfter: formatDuration(env.APPROVAL_REMINDER_AFTER.ms),
  };
}
