import { ping } from "./ping.ts";

/** Every function the web app serves (it mostly produces events; these react to a few). */
export const functions = [ping];
