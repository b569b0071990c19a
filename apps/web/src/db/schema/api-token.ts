import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { authUser } from "./auth-user.ts";

/**
 * A machine's credential for the JSON routes (src/auth/api-tokens). Only the SHA-256 of the token
 * is kept: the token itself is shown once, when an admin creates it. `scopes` lists what it may
 * send (`events:invoice.paid`, `outbox:webhook`, …); a revoked token is kept, for the audit log.
 */
export const apiToken = pgTable("api_token", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /** The first characters, to recognise a token in the list without revealing it. */
  start: text("start").notNull(),
  scopes: jsonb("scopes").$type<string[]>().notNull(),
  createdBy: text("created_by").references(() => authUser.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  revokedBy: text("revoked_by").references(() => authUser.id, { onDelete: "set null" }),
});
