// The first admin of a deployed console (nothing is seeded there), or another one later:
//   STUDIO_NEW_ADMIN_PASSWORD='…' pnpm --filter @studio/web create-admin -- --email ada@studio.example --name "Ada Lovelace"
// Run with the deployment's DATABASE_URL (and BETTER_AUTH_SECRET / BETTER_AUTH_URL where they are
// required). Without STUDIO_NEW_ADMIN_PASSWORD the admin signs in with Google or GitHub only,
// under that email. An existing user with the email is made an admin instead.
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { authEnv, env } from "../src/env.ts";
import { createStudioAuth } from "../src/auth/create-studio-auth.ts";
import { dataDir } from "../src/env.ts";
import { databaseTarget, describeTarget } from "../src/db/database-target.ts";
import { openDatabase } from "../src/db/open-database.ts";
import { authUser } from "../src/db/schema/auth-user.ts";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const email = values.email?.trim().toLowerCase();
const name = values.name?.trim();
try {
  if (!email || !name) throw new Error('give --email and --name, e.g. --email ada@studio.example --name "Ada Lovelace"');
  const password = env.STUDIO_NEW_ADMIN_PASSWORD;
  const target = databaseTarget(env, dataDir);
  const open = await openDatabase(target);
  try {
    const auth = createStudioAuth({ db: open.db, secret: authEnv.secret, baseURL: authEnv.baseURL });
    const [existing] = await open.db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, email)).limit(1);
    if (existing) {
      await open.db.update(authUser).set({ role: "admin" }).where(eq(authUser.id, existing.id));
      console.log(`${email} is now an admin (${describeTarget(target)}).`);
    } else {
      await auth.api.createUser({ body: { email, name, role: "admin", ...(password ? { password } : {}) } });
      console.log(`Created admin ${name} <${email}> (${password ? "password set" : "Google / GitHub sign-in only"}; ${describeTarget(target)}).`);
    }
  } finally {
    await open.close();
  }
} catch (error) {
  console.error(`create-admin failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
