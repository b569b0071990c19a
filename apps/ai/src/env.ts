import { z } from "zod";
import { inngestEnvSchema, parseEnv } from "@studio/middleware";

/** The ai app's configuration: the only place it reads process.env. Validated at start-up. */
export const env = parseEnv(
  "ai",
  inngestEnvSchema.extend({
    PORT: z.coerce.number().int().min(1).max(65535).default(3002),
    HOST: z.string().default("127.0.0.1"),
  }),
  process.env,
);
export type Env = typeof env;
