import { eq } from "drizzle-orm";
import { type Database as Db } from "../db/open-database.ts";
import { authUser } from "../db/schema/auth-user.ts";
import { type StudioAuth } from "./create-studio-auth.ts";

export type DevAdmin = { email: string; password: string };

/**
 * On a developer machine, makes sure the local admin exists so `./pnpm dev` can be signed in to at
 * once. `devAdmin` is undefined where the app is deployed (env.ts), and then nothing is created:
 * a deployed console's first admin is made with `pnpm --filter @studio/web create-admin`.
 * Returns what was done, for the start-up log.
 */
export async function seedDevAdmin(auth: StudioAuth, db: Db, devAdmin: DevAdmin | undefined): Promise<"seeded" | "present" | "skipped"> {
  if (!devAdmin) return "skipped";
  const [existing] = await db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, devAdmin.email.toLowerCase())).limit(1);
  if (existing) return "present";
  await auth.api.createUser({ body: { email: devAdmin.email, password: devAdmin.password, name: "Local admin", role: "admin" } });
  return "seeded";
}
