import { type Role } from "./roles.ts";

/**
 * Who may use a page, a server action or a route handler:
 * - `user`: a signed-in user whose role grants `role` (see roles.ts);
 * - `token`: a machine holding an API token scoped to `scope` (`<event>` is the route's event);
 * - `inngest`: Inngest itself, proven by its request signature (the SDK checks it in cloud mode);
 * - `anyone`: the way in (signing in), with the reason it must stay open.
 */
export type Access =
  | { who: "user"; role: Role }
  | { who: "token"; scope: string }
  | { who: "inngest"; why: string }
  | { who: "anyone"; why: string };

const viewer = { who: "user", role: "viewer" } as const;
const operator = { who: "user", role: "operator" } as const;
const admin = { who: "user", role: "admin" } as const;

/**
 * The one table every page, action and route consults (requirePage, guardAction, guardRoute).
 * access-rules.test.ts finds every page, action and route from the files and fails for one
 * that has no rule here, then checks each rule's effect per role on the real handler.
 */
export const accessRules = {
  pages: {
    "/": viewer,
    "/briefs": viewer,
    "/briefs/new": operator,
    "/briefs/[briefId]": viewer,
    "/assets": viewer,
    "/assets/new": operator,
    "/assets/[assetId]": viewer,
    "/invoices": viewer,
    "/invoices/new": operator,
    "/invoices/[invoiceId]": viewer,
    "/reminders": viewer,
    "/reminders/new": operator,
    "/reminders/[reminderId]": viewer,
    "/runs": viewer,
    "/outbox": viewer,
    "/admin": admin,
    "/sign-in": { who: "anyone", why: "the way in: it signs a visitor in" },
  },
  actions: {
    submitBrief: operator,
    updateBrief: operator,
    approveBrief: operator,
    withdrawBrief: operator,
    registerAsset: operator,
    issueInvoice: operator,
    markInvoicePaid: operator,
    scheduleReminder: operator,
    retrySend: operator,
    progressToken: viewer,
    createUser: admin,
    setUserRole: admin,
    createApiToken: admin,
    revokeApiToken: admin,
    signIn: { who: "anyone", why: "the way in: it checks the email and password itself" },
    signOut: { who: "anyone", why: "ends the caller's own session, if any" },
  },
  routes: {
    "POST /api/events/[event]": { who: "token", scope: "events:<event>" },
    "POST /api/outbox/email": { who: "token", scope: "outbox:email" },
    "POST /api/outbox/webhook": { who: "token", scope: "outbox:webhook" },
    "GET /api/inngest": { who: "inngest", why: "Inngest's serve endpoint: the SDK verifies the request signature in cloud mode" },
    "POST /api/inngest": { who: "inngest", why: "Inngest's serve endpoint: the SDK verifies the request signature in cloud mode" },
    "PUT /api/inngest": { who: "inngest", why: "Inngest's serve endpoint: the SDK verifies the request signature in cloud mode" },
    "GET /api/auth/[...all]": { who: "anyone", why: "better-auth's own endpoints (OAuth callbacks, session): each checks the session itself" },
    "POST /api/auth/[...all]": { who: "anyone", why: "better-auth's own endpoints (sign-in, admin): each checks the session and role itself" },
  },
} as const satisfies {
  pages: Record<string, Access>;
  actions: Record<string, Access>;
  routes: Record<string, Access>;
};

export type PagePath = keyof typeof accessRules.pages;
export type ActionName = keyof typeof accessRules.actions;
export type RouteKey = keyof typeof accessRules.routes;
