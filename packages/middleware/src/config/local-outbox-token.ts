/**
 * The API token the worker and the AI app send to the web app's local outbox (POST
 * /api/outbox/webhook and /email) on a developer machine, where they default to it. The web app
 * creates a token with this value only on a developer machine (apps/web src/auth/seed-dev-access.ts),
 * so it is public and opens nothing where the app is deployed.
 */
export const LOCAL_OUTBOX_TOKEN = "studio_local-outbox-dev-only";
