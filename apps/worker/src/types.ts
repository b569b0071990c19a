import { type GetStepTools, type Logger } from "inngest";
import { type inngest } from "./client.ts";

/** The step tools of a worker function (what `ctx.step` is). */
export type WorkerStep = GetStepTools<typeof inngest>;
export type { Logger };
