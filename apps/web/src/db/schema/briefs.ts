import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Money } from "@studio/events";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per brief, kept by the brief projections (src/projections/brief/…). Each event fills its
 * own columns and nothing else, so the row is right whatever order the events arrive in: an
 * approval projected before its submission leaves the submission's columns empty until it comes.
 * `personal`, `edit` and `analysis` hold sealed envelopes (encrypted with the app's key, like
 * `data.encrypted` in Inngest): the database never holds a client's contact or text in plaintext.
 */
export const briefs = pgTable(
  "briefs",
  {
    briefId: text("brief_id").primaryKey(),
    // studio/brief.submitted
    clientId: text("client_id"),
    title: text("title"),
    budget: jsonb("budget").$type<Money>(),
    dueDate: text("due_date"),
    /** Sealed `{ contactName, contactEmail, description }`. */
    personal: jsonb("personal"),
    submittedAt: at("submitted_at"),
    // studio/brief.updated: the highest revision wins
    revision: integer("revision").notNull().default(0),
    /** Sealed `{ title?, description }` of that revision. */
    edit: jsonb("edit"),
    editedAt: at("edited_at"),
    // studio/brief.approved: the newest decision wins
    approvedBy: text("approved_by"),
    approvalDecisionId: text("approval_decision_id"),
    approvedAt: at("approved_at"),
    // studio/brief.withdrawn: the newest decision wins
    withdrawnReason: text("withdrawn_reason"),
    withdrawalDecisionId: text("withdrawal_decision_id"),
    withdrawnAt: at("withdrawn_at"),
    // studio/project.created: one project per brief
    projectId: text("project_id"),
    projectSummary: text("project_summary"),
    projectCreatedAt: at("project_created_at"),
    // ai/brief.analysed (v1 and v2): the highest revision wins
    analysisRevision: integer("analysis_revision"),
    /** Sealed `{ analysis, model, usage }`. */
    analysis: jsonb("analysis"),
    analysedAt: at("analysed_at"),
    /** The newest event time of any event about the brief. */
    lastEventAt: at("last_event_at").notNull(),
    /** Where the brief stands, derived by Postgres from the columns above (so lists can filter on it). */
    status: text("status")
      .notNull()
      .generatedAlwaysAs(
        sql`case when withdrawn_at is not null then 'withdrawn' when project_id is not null then 'project_created' when approved_at is not null then 'approved' when analysis_revision is not null then 'analysed' when submitted_at is not null then 'submitted' else 'pending' end`,
      ),
  },
  (t) => [
    index("briefs_submitted_idx").on(t.submittedAt.desc(), t.briefId),
    index("briefs_status_idx").on(t.status, t.submittedAt.desc()),
    index("briefs_client_idx").on(t.clientId, t.submittedAt.desc()),
  ],
);
