import { readFileSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const DOC = "docs/deploy/environment.md";

/** One row of a table in docs/deploy/environment.md. */
export interface DeployEnvRow {
  name: string;
  secret: boolean;
  production: string;
}

/** The rows of the table under each `## <section>` of docs/deploy/environment.md, by section. */
export function deployEnvTables(root: string = repoRoot): Map<string, DeployEnvRow[]> {
  const tables = new Map<string, DeployEnvRow[]>();
  let section: DeployEnvRow[] | undefined;
  for (const line of readFileSync(path.join(root, DOC), "utf8").split("\n")) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) tables.set(heading[1]!.trim(), (section = []));
    const row = /^\| `([A-Z0-9_]+)` \| (yes|no) \| ([^|]+) \|/.exec(line);
    if (row && section) section.push({ name: row[1]!, secret: row[2] === "yes", production: row[3]!.trim() });
  }
  return tables;
}

/**
 * Where an app's deployment tables and its env.ts disagree: the "Every app" table must list
 * exactly the shared variables, the app's own section exactly the rest of its schema, and the
 * secret column must say yes for exactly the variables env.ts declares secret. One line per gap.
 */
export function deployEnvTableProblems(opts: {
  /** The app's section heading, e.g. "worker". */
  section: string;
  /** Every variable the app's env schema reads, and those it declares secret. */
  variables: readonly string[];
  secrets: readonly string[];
  /** The variables of the shared schema (studioEnvSchema), documented under "Every app". */
  shared: readonly string[];
  root?: string;
}): string[] {
  const tables = deployEnvTables(opts.root);
  const own = tables.get(opts.section);
  const common = tables.get("Every app");
  if (!own) return [`${DOC} has no "## ${opts.section}" table`];
  if (!common) return [`${DOC} has no "## Every app" table`];
  const problems: string[] = [];
  const listed = new Map<string, DeployEnvRow>();
  for (const [where, rows, expected] of [
    ["Every app", common, new Set(opts.shared)],
    [opts.section, own, new Set(opts.variables.filter((v) => !opts.shared.includes(v)))],
  ] as const) {
    for (const row of rows) {
      if (listed.has(row.name) || rows.filter((r) => r.name === row.name).length > 1) problems.push(`${row.name} is listed twice ("${where}")`);
      listed.set(row.name, row);
      if (!expected.has(row.name)) problems.push(`${row.name} is in "${where}" but ${opts.variables.includes(row.name) ? "belongs in the other table" : "not in env.ts"}`);
    }
  }
  for (const name of opts.variables) {
    const row = listed.get(name);
    if (!row) {
      problems.push(`${name} is in env.ts but in no table of ${DOC}`);
      continue;
    }
    const secret = opts.secrets.includes(name);
    if (row.secret !== secret) problems.push(`${name}: the table says secret ${row.secret ? "yes" : "no"}, env.ts ${secret ? "declares it secret" : "does not declare it secret"}`);
  }
  return [...new Set(problems)].sort();
}
