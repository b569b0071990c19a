import { referenceFunction } from "inngest";
import { z } from "zod";
import { appIds } from "../apps.ts";
import { briefAnalysisSchema } from "../shared/brief-analysis.ts";
import { idSchema } from "../shared/ids.ts";
import { modelInfoSchema, usageSchema } from "../shared/model.ts";

/** What a caller passes to the AI app's `analyse-brief`. The brief's text is personal data. */
export const analyseBriefDataSchema = z.object({
  briefId: idSchema,
  revision: z.int().min(0),
  encrypted: z.object({
    title: z.string().min(1).max(120),
    description: z.string().min(1).max(5000),
  }),
});

/** What `analyse-brief` returns (the same facts as `ai/brief.analysed`). */
export const analyseBriefReturnSchema = z.object({
  briefId: idSchema,
  revision: z.int().min(0),
  analysis: briefAnalysisSchema,
  model: modelInfoSchema,
  usage: usageSchema,
});

export type AnalyseBriefData = z.infer<typeof analyseBriefDataSchema>;
export type AnalyseBriefResult = z.infer<typeof analyseBriefReturnSchema>;

/**
 * Cross-app invoke target: `step.invoke("analyse", { function: analyseBrief, data })` from any app.
 * The AI app serves it with `triggers: [invoke(analyseBriefDataSchema)]`.
 */
export const analyseBrief = referenceFunction({
  appId: appIds.ai,
  functionId: "analyse-brief",
  schemas: { data: analyseBriefDataSchema, return: analyseBriefReturnSchema },
});

/** Contract metadata of the invoke target, for the catalog and the compatibility gate. */
export const analyseBriefContract = {
  key: `${appIds.ai}/analyse-brief`,
  appId: appIds.ai,
  functionId: "analyse-brief",
  owner: "ai",
  callers: ["worker", "ai"],
  description: "Analyses a brief revision with the configured model and returns a structured analysis.",
  schemas: { data: analyseBriefDataSchema, return: analyseBriefReturnSchema },
} as const;
