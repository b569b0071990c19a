/**
 * The web console's tables, one per file. drizzle-kit reads this module (drizzle.config.ts) to
 * generate the migrations in apps/web/drizzle/; the app's database client is typed with it.
 * Adding a table: docs/web.md, "The store".
 */
export { assets } from "./assets.ts";
export { automationFailures } from "./automation-failures.ts";
export { briefs } from "./briefs.ts";
export { invoices } from "./invoices.ts";
export { outboxMessages } from "./outbox-messages.ts";
export { outgoingEvents } from "./outgoing-events.ts";
export { projectedEvents } from "./projected-events.ts";
export { reminders } from "./reminders.ts";
// Sign-in (better-auth's models, src/auth/create-studio-auth.ts), API tokens and the audit log.
export { authUser } from "./auth-user.ts";
export { authSession } from "./auth-session.ts";
export { authAccount } from "./auth-account.ts";
export { authVerification } from "./auth-verification.ts";
export { apiToken } from "./api-token.ts";
export { auditRecord } from "./audit-record.ts";
