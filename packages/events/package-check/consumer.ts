// A consumer in another repository, compiled against dist/*.d.ts by scripts/check-package.ts.
// Every line is a type assertion: if the published declarations lose precision (or become `any`),
// this file stops compiling.
import {
  analyseBrief,
  briefSubmitted,
  createWithDedupe,
  EventContractError,
  reminderScheduled,
  scheduleAt,
  type BriefAnalysis,
  type EventData,
} from "@studio/events";
import { fixtures } from "@studio/events/fixtures";
import { Inngest } from "inngest";

type IsAny<T> = 0 extends 1 & T ? true : false;
type Assert<T extends true> = T;

const inngest = new Inngest({ id: "consumer-check" });

export const intake = inngest.createFunction({ id: "intake", triggers: [briefSubmitted] }, async ({ event, step }) => {
  type _notAny = Assert<IsAny<typeof event.data> extends false ? true : false>;
  const amount: number = event.data.budget.amount;
  const email: string = event.data.encrypted.contactEmail;
  const analysis = await step.invoke("analyse", {
    function: analyseBrief,
    data: { briefId: event.data.briefId, revision: 0, encrypted: { title: event.data.title, description: "d" } },
  });
  const summary: BriefAnalysis["summary"] = analysis.analysis.summary;
  return { amount, email, summary };
});

const data: EventData<typeof briefSubmitted> = fixtures.briefSubmitted.valid[0];
export const deduped = createWithDedupe(briefSubmitted, data);
export const scheduled = scheduleAt(reminderScheduled, fixtures.reminderScheduled.valid[0], new Date());
export const isContractError = (e: unknown): e is EventContractError => e instanceof EventContractError;

// @ts-expect-error a payload missing required fields does not compile
briefSubmitted.create({ briefId: "b" });
