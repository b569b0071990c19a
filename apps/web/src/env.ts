import { z } from "zod";
import { inngestEnvSchema, parseEnv } from "@studio/middleware";

/** The web app's server-side configuration: the only place it reads process.env. */
export const env = parseEnv(
  "web",
  inngestEnvSchema.extend({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  }),
  process.env,
);
