import { env } from "../env.ts";
import { createRevealer } from "./create-revealer.ts";

/** Decrypts stored data for display, with this deployment's encryption keys. */
export const reveal = createRevealer(env);
