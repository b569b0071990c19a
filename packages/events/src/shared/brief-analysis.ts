import { z } from "zod";

/** The structured result of analysing a client brief. */
export const briefAnalysisSchema = z.object({
  summary: z.string().min(1).max(2000),
  deliverables: z.array(z.string().min(1).max(500)).min(1).max(50),
  risks: z.array(z.string().min(1).max(500)).max(50),
  estimate: z.object({
    hours: z.number().positive(),
    confidence: z.enum(["low", "medium", "high"]),
  }),
});

export type BriefAnalysis = z.infer<typeof briefAnalysisSchema>;
