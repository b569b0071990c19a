import { db } from "../db/client.ts";
import { authEnv } from "../env.ts";
import { createStudioAuth } from "./create-studio-auth.ts";

/** The console's better-auth, on the app's database (see create-studio-auth.ts). */
export const auth = createStudioAuth({ db, secret: authEnv.secret, baseURL: authEnv.baseURL, google: authEnv.google, github: authEnv.github });
