import { type OutsideServices } from "./outside-services.ts";

let current: { services: OutsideServices; env: Record<string, string> } | undefined;

/** Set by unit-setup.ts before each test file runs. */
export function setOutsideServices(services: OutsideServices, env: Record<string, string>) {
  current = { services, env };
}

function get() {
  if (!current) throw new Error("no fake services; is src/testing/unit-setup.ts in vitest setupFiles?");
  return current;
}

/** The fake outside services of the running unit-test file (see unit-setup.ts). */
export const outside = (): OutsideServices => get().services;

/** The environment unit-setup.ts gave the worker. */
export const unitTestEnv = (): Readonly<Record<string, string>> => get().env;
