import { validateIssues } from "../produce/validate-issues.ts";
import { readForm } from "./read-form.ts";
import { type FormState } from "./form-state.ts";
import { type StudioForm } from "./studio-form.ts";
import { type EventSender } from "../produce/event-sender.ts";
import { produceEvent, type ProduceResult } from "../produce/produce-event.ts";
import { sendFailureMessage } from "../produce/send-failure-message.ts";
import { type ProducibleEvent } from "../produce/producible-events.ts";
import { type EventData, type ContractIssue } from "@studio/events";
import { type SessionUser } from "../auth/actor.ts";

export type FormOutcome<TEvent extends ProducibleEvent> =
  | { ok: true; sent: Extract<ProduceResult<EventData<TEvent>>, { ok: true }> }
  | { ok: false; state: FormState };

/**
 * The server side of every console form: reads the inputs into event data, checks it against the
 * contract and sends it once (see produceEvent). When anything is wrong, nothing is sent and the
 * state names each bad field with what to fix, keeping what was typed. Data the form takes from
 * the session (StudioForm.fromSession) comes from `user`, never from the posted inputs.
 */
export async function submitForm<TEvent extends ProducibleEvent>(
  sender: EventSender,
  form: StudioForm<TEvent>,
  formData: FormData,
  now: Date = new Date(),
  user?: SessionUser,
): Promise<FormOutcome<TEvent>> {
  const { data: typed, problems, values } = readForm(formData, form.fields, now);
  if (form.fromSession && !user) throw new Error(`The ${form.event.name} form takes data from the session, and there is none.`);
  const data = { ...typed, ...(user ? form.fromSession?.(user) : {}) };
  if (problems.length > 0) {
    // Report the form's own findings first, then whatever else the contract rejects.
    const seen = new Set(problems.map((p) => p.path));
    const rest = validateIssues(form.event, data).filter((issue) => !seen.has(issue.path));
    return { ok: false, state: invalidState([...problems, ...rest], values) };
  }
  let result: ProduceResult<EventData<TEvent>>;
  try {
    result = await produceEvent(sender, form.event, data);
  } catch (error) {
    return { ok: false, state: { status: "failed", message: sendFailureMessage(error), fieldErrors: {}, values } };
  }
  if (!result.ok) return { ok: false, state: invalidState(result.issues, values) };
  return { ok: true, sent: result };
}

function invalidState(issues: readonly ContractIssue[], values: Record<string, string>): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.replace(/^data\./, "");
    fieldErrors[field] ??= issue.message;
  }
  const fields = Object.keys(fieldErrors);
  return {
    status: "invalid",
    message: `Nothing was sent: ${fields.length === 1 ? "1 field needs" : `${fields.length} fields need`} fixing.`,
    fieldErrors,
    values,
  };
}
