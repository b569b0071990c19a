import { seal } from "../crypto/seal.ts";
import { appDatabase } from "../db/app-database.ts";
import { inngest } from "../inngest/client.ts";
import { recordingSender } from "./recording-sender.ts";

/** How this deployment sends: every event recorded in its database first (recordingSender). */
export const appSender = recordingSender({ db: appDatabase, inngest, seal });
