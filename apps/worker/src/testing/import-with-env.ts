import { vi } from "vitest";
import { unitTestEnv } from "./current-services.ts";

/**
 * Imports a fresh copy of worker modules under a changed environment (the worker reads its env
 * once, at import), then puts the unit-test env back. For the few tests about configuration.
 */
export async function importWithEnv<T>(overrides: Record<string, string>, load: () => Promise<T>): Promise<T> {
  for (const [name, value] of Object.entries(overrides)) vi.stubEnv(name, value);
  vi.resetModules();
  try {
    return await load();
  } finally {
    for (const name of Object.keys(overrides)) {
      const original = unitTestEnv()[name];
      if (original === undefined) vi.stubEnv(name, undefined);
      else vi.stubEnv(name, original);
    }
  }
}
