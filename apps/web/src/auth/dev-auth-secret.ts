/**
 * The session-signing secret of a developer machine when BETTER_AUTH_SECRET is unset. It is
 * public (it is in the repository), so env.ts refuses it, and its absence, where deployed.
 */
export const DEV_AUTH_SECRET = "studio-dev-only-auth-secret-not-for-deployed-apps";
