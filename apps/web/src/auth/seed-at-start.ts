import { appDatabase } from "../db/app-database.ts";
import { authEnv } from "../env.ts";
import { appAuth } from "./auth.ts";
import { seedDevAccess } from "./seed-dev-access.ts";

/**
 * instrumentation-node.ts, after the database opened: on a developer machine, the local admin and
 * the dev tokens (seedDevAccess), and a line saying how to sign in. Where deployed: nothing.
 */
export async function seedAtStart(): Promise<void> {
  const seeded = await seedDevAccess(await appAuth(), await appDatabase(), { admin: authEnv.devAdmin, apiToken: authEnv.devApiToken });
  if (seeded.admin === "skipped" || !authEnv.devAdmin) return;
  console.log(
    `[studio-web] sign in at ${authEnv.baseURL}/sign-in as ${authEnv.devAdmin.email} with the password ${authEnv.devAdmin.password} ` +
      `(local admin, ${seeded.admin === "seeded" ? "just created" : "already there"}; developer machines only)`,
  );
}
