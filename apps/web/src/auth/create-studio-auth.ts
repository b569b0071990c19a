import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { createAccessControl } from "better-auth/plugins/access";
import { admin } from "better-auth/plugins/admin";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { type Database as Db } from "../db/open-database.ts";
import { authAccount } from "../db/schema/auth-account.ts";
import { authSession } from "../db/schema/auth-session.ts";
import { authUser } from "../db/schema/auth-user.ts";
import { authVerification } from "../db/schema/auth-verification.ts";

export type OAuthClient = { clientId: string; clientSecret: string };

export type StudioAuthOptions = {
  db: Db;
  /** Signs session cookies; BETTER_AUTH_SECRET (env.ts refuses a deployed app without one). */
  secret: string;
  /** The console's public URL (OAuth callbacks and the origin check of form posts). */
  baseURL: string;
  /** Other origins the sign-in may be posted from (locally: localhost as well as 127.0.0.1). */
  trustedOrigins?: string[] | undefined;
  google?: (OAuthClient & { workspaceDomain?: string | undefined }) | undefined;
  github?: OAuthClient | undefined;
};

// The admin plugin's own permissions (user management) go to admins only; operators and viewers
// get none of them. What each role may do in the console is src/auth/access-rules.ts.
const ac = createAccessControl(defaultStatements);
const roles = {
  admin: ac.newRole(adminAc.statements),
  operator: ac.newRole({ user: [], session: [] }),
  viewer: ac.newRole({ user: [], session: [] }),
};

/**
 * better-auth for the console, with its sessions in the app's database (Drizzle adapter).
 *
 * - Email and password always work (offline too); nobody signs themselves up: an admin creates
 *   each user (the Admin page), and `./pnpm dev` seeds a local admin (seed-dev-admin.ts).
 * - Google and GitHub sign-in are on when their client id and secret are set. They sign in users
 *   an admin created, matched by email (account linking); they never create a user.
 * - Roles are the admin plugin's `role` column: admin, operator, viewer (new users: viewer).
 */
export function createStudioAuth(options: StudioAuthOptions) {
  const { google, github } = options;
  return betterAuth({
    appName: "Studio+233",
    secret: options.secret,
    baseURL: options.baseURL,
    trustedOrigins: [options.baseURL, ...(options.trustedOrigins ?? [])],
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12 },
    socialProviders: {
      ...(google
        ? { google: { clientId: google.clientId, clientSecret: google.clientSecret, disableImplicitSignUp: true, ...(google.workspaceDomain ? { hd: google.workspaceDomain } : {}) } }
        : {}),
      ...(github ? { github: { clientId: github.clientId, clientSecret: github.clientSecret, disableImplicitSignUp: true } } : {}),
    },
    account: { accountLinking: { enabled: true, trustedProviders: ["google", "github"] } },
    // Signing up is the admin's job; impersonation would let an admin act under another's name,
    // which the audit log must never show.
    disabledPaths: ["/sign-up/email", "/admin/impersonate-user", "/admin/stop-impersonating"],
    plugins: [admin({ ac, roles, adminRoles: ["admin"], defaultRole: "viewer" }), nextCookies()],
    telemetry: { enabled: false },
  });
}

export type StudioAuth = ReturnType<typeof createStudioAuth>;
