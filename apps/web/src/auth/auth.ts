import { appDatabase } from "../db/app-database.ts";
import { authEnv } from "../env.ts";
import { createStudioAuth, type StudioAuth } from "./create-studio-auth.ts";

// One instance per process, like the database it sits on (next dev re-evaluates modules on edits).
const KEY = Symbol.for("@studio/web/auth");
type Holder = { [KEY]?: Promise<StudioAuth> };

/** The console's better-auth on the app's database (see create-studio-auth.ts), made on first use. */
export function appAuth(): Promise<StudioAuth> {
  const holder = globalThis as Holder;
  let making = holder[KEY];
  if (!making) {
    making = appDatabase().then((db) =>
      createStudioAuth({ db, secret: authEnv.secret, baseURL: authEnv.baseURL, trustedOrigins: authEnv.trustedOrigins, google: authEnv.google, github: authEnv.github }),
    );
    holder[KEY] = making;
    // A failure (the database did not open) is not kept: the next request tries again.
    making.catch(() => {
      if (holder[KEY] === making) delete holder[KEY];
    });
  }
  return making;
}
