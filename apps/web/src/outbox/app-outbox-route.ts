import { seal } from "../crypto/seal.ts";
import { appDatabase } from "../db/app-database.ts";
import { type OutboxChannel } from "./outbox-message.ts";
import { createOutboxRoute } from "./outbox-route.ts";

/** The outbox route of this deployment: messages go to its database. */
export const appOutboxRoute = (channel: OutboxChannel) => createOutboxRoute(channel, { db: appDatabase, seal });
