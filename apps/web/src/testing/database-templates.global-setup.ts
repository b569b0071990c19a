import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type TestProject } from "vitest/node";
import { openDatabase } from "../db/open-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Dumps of an initialised embedded database: `empty` (no migration applied) and `migrated`. */
    webDatabaseTemplates: { empty: string; migrated: string };
  }
}

/**
 * Runs initdb once for the whole unit run (several seconds in WebAssembly on a busy machine) and
 * keeps two dumps in a temp folder: every test database starts from one (about a second).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), "web-db-templates-"));
  const open = await openDatabase({ driver: "pglite", dataDir: undefined });
  const empty = path.join(dir, "empty.tar");
  await writeFile(empty, Buffer.from(await (await open.dump!()).arrayBuffer()));
  await open.migrate();
  const migrated = path.join(dir, "migrated.tar");
  await writeFile(migrated, Buffer.from(await (await open.dump!()).arrayBuffer()));
  await open.close();
  project.provide("webDatabaseTemplates", { empty, migrated });
  return () => rm(dir, { recursive: true, force: true });
}
