import { appIds } from "@studio/events";
import { createStudioClient } from "@studio/middleware";
import { env } from "../env.ts";
import { checkpointing } from "./function-limits.ts";

export const inngest = createStudioClient({ id: appIds.web, env, checkpointing });
