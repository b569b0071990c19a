import { z } from "zod";

/** An opaque identifier (brief id, client id, …). Non-empty and bounded so it fits in an event id. */
export const idSchema = z.string().min(1).max(128);
