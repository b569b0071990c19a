import { type OutsideServices } from "./outside-services.ts";

let current: OutsideServices | undefined;

/** Set by unit-setup.ts before each test file runs. */
export function setOutsideServices(services: OutsideServices) {
  current = services;
}

/** The fake outside services of the running unit-test file (see unit-setup.ts). */
export function outside(): OutsideServices {
  if (!current) throw new Error("outside(): no fake services; is src/testing/unit-setup.ts in vitest setupFiles?");
  return current;
}
