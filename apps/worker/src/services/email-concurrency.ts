import { env } from "../env.ts";

/**
 * One concurrency budget shared by every worker function that emails (chase-invoice,
 * send-reminder, send-digest): the key is a constant and the scope the whole environment, so at
 * most EMAIL_CONCURRENCY (default 10) of their steps execute at once, whichever function they
 * belong to. Sleeping and waiting runs do not count. It keeps a burst (a Monday digest fan-out, a
 * day many invoices fall due) within what the email provider accepts.
 */
export const EMAIL_PROVIDER_CONCURRENCY = { scope: "env", key: '"email-provider"', limit: env.EMAIL_CONCURRENCY } as const;
