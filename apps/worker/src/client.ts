import { appIds } from "@studio/events";
import { createStudioClient } from "@studio/middleware";
import { env } from "./env.ts";
import { checkpointing } from "./function-limits.ts";
import { createServices } from "./services/index.ts";

/** The worker's Inngest client: Studio middleware stack, plus the outside services in every ctx. */
export const inngest = createStudioClient({ id: appIds.worker, env, services: createServices(env), checkpointing });
