import { ping } from "./ping.ts";

/** Every function this app serves. */
export const functions = [ping];
