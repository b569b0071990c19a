import { sql } from "drizzle-orm";
import { type briefAnalysed, type briefAnalysedV2, type EventData } from "@studio/events";
import { briefs } from "../../db/schema/index.ts";
import { type Database } from "../../db/open-database.ts";
import { applyOnce } from "../apply-once.ts";
import { type ProjectionInput, type ProjectionOutcome } from "../projection-input.ts";
import { type Seal } from "../seal.ts";
import { latest, proposed, takeWhen } from "../upsert-rules.ts";

type Analysed = EventData<typeof briefAnalysed> | EventData<typeof briefAnalysedV2>;

/**
 * ai/brief.analysed, v1 (analysis in plaintext) or v2 (under `encrypted`, decrypted by the
 * middleware before it gets here): the analysis of the highest revision wins; for the same
 * revision, the newest. Stored sealed either way.
 */
export async function projectBriefAnalysed(db: Database, seal: Seal, event: ProjectionInput<Analysed>): Promise<ProjectionOutcome> {
  const { briefId, revision, model, usage } = event.data;
  const analysis = "encrypted" in event.data ? event.data.encrypted.analysis : event.data.analysis;
  const sealed = await seal({ analysis, model, usage });
  return applyOnce(db, event, { kind: "brief", id: briefId }, (tx, at) =>
    tx
      .insert(briefs)
      .values({ briefId, analysisRevision: revision, analysis: sealed, analysedAt: at, lastEventAt: at })
      .onConflictDoUpdate({
        target: briefs.briefId,
        set: {
          ...takeWhen(
            sql`(${briefs.analysisRevision} is null or ${proposed(briefs.analysisRevision)} > ${briefs.analysisRevision} or (${proposed(briefs.analysisRevision)} = ${briefs.analysisRevision} and ${proposed(briefs.analysedAt)} > ${briefs.analysedAt}))`,
            { analysisRevision: briefs.analysisRevision, analysis: briefs.analysis, analysedAt: briefs.analysedAt },
          ),
          lastEventAt: latest(briefs.lastEventAt),
        },
      }),
  );
}
