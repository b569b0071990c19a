import { existsSync } from "node:fs";
import path from "node:path";
import { appendToArray, createFile, insertAfterLast, insertBeforeClose } from "./edit.ts";
import { camel, eventNames, functionId } from "./names.ts";

export interface FunctionAnswers {
  /** The app folder under apps/: `worker`, `ai`, or one made by the app generator. */
  app: string;
  /** Kebab-case function id, e.g. `confirm-quote`. */
  id: string;
  /** The contract event that triggers it, e.g. `studio/quote.requested`. */
  event: string;
}

/**
 * Writes what a new Inngest function needs (docs/adding-a-function.md): the function file with
 * its header (trigger, flow, failure handling, the research notes it applies), its own test, its
 * runbook, and its entry in the app's `functions` list (and, in the worker, in function-ids.ts).
 * Returns the files written or changed, relative to the root.
 */
export function addFunction(root: string, answers: FunctionAnswers): string[] {
  const id = functionId(answers.id);
  const app = answers.app;
  const ev = eventNames(answers.event);
  const appDir = path.join(root, "apps", app);
  if (!existsSync(path.join(appDir, "src/functions/index.ts"))) {
    throw new Error(`apps/${app}/src/functions/index.ts does not exist: give an app folder under apps/ (worker, ai, …)`);
  }
  if (!existsSync(path.join(root, `packages/events/src/events/${ev.file}.ts`))) {
    throw new Error(`${ev.name} is not in the contract (packages/events/src/events/${ev.file}.ts): add it first with the event generator`);
  }
  const name = camel(id);
  const worker = app === "worker";
  const fnFile = `apps/${app}/src/functions/${id}.ts`;
  const testFile = `apps/${app}/src/functions/${id}.test.ts`;
  const runbook = `docs/runbooks/${app}-${id}.md`;

  const failure = worker
    ? `onFailure: (ctx) => reportFailure(ctx, { functionId: functionIds.${name}, item: \`${ev.idField} \${originalField(ctx.event.data.event, "${ev.idField}") ?? "(unknown)"}\` }),`
    : "onFailure: reportFailure,";
  createFile(
    path.join(root, fnFile),
    `import { ${ev.exportName} } from "@studio/events";
import { inngest } from "../client.ts";
import { ${worker ? "originalField, reportFailure" : "reportFailure"} } from "../failures/report-failure.ts";
${worker ? `import { functionIds } from "./function-ids.ts";\n` : ""}
/**
 * ${id}: (say what it does for the studio, in one sentence).
 *
 * Trigger: ${ev.name}.
 * Flow: one step, \`handle\`, standing in for the real work. Each outside call belongs in its own
 * step, so a retry repeats only what failed.
 * Flow control: none yet; choose from docs/research/inngest/inngest-functions-resources.md and say why here.
 * On failure (reportFailure): emits studio/automation.failed${worker ? " and alerts the team" : ""}. Nothing to compensate yet.
 *
 * Applies:
 * - docs/research/inngest/inngest-functions.md#the-handler-runs-many-times (side effects only inside steps)
 * - docs/research/inngest/events-and-triggers.md#a-bad-payload-fails-the-run-for-good (the trigger's schema)
 * - docs/research/inngest/failure-handlers.md#compensation (what onFailure must undo)
 */
export const ${name} = inngest.createFunction(
  {
    id: ${worker ? `functionIds.${name}` : `"${id}"`},
    name: "${id}",
    triggers: [${ev.exportName}],
    retries: 3,
    ${failure}
  },
  async ({ event, step }) => {
    const handled = await step.run("handle", () => ({ ${ev.idField}: event.data.${ev.idField}, handledAt: new Date().toISOString() }));
    return { outcome: "handled" as const, ...handled };
  },
);
`,
  );

  const runner = worker
    ? { imports: `import { runFunction } from "../testing/run-function.ts";`, call: "runFunction" }
    : { imports: `import { executeFunction } from "../testing/execute-function.ts";`, call: "executeFunction" };
  createFile(
    path.join(root, testFile),
    `import { ${ev.fixturesName} } from "@studio/events/fixtures";
import { describe, expect, it } from "vitest";
${runner.imports}
import { ${name} } from "./${id}.ts";

const run = (data: unknown) => ${runner.call}(${name}, { events: [{ name: "${ev.name}", data }] });

describe("${id}", () => {
  it("handles ${ev.name}", async () => {
    const example = ${ev.fixturesName}.valid[0];
    const { result, error } = await run(example);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "handled", ${ev.idField}: example.${ev.idField} });
  });

  it("fails for good, without retrying, on data that breaks the contract", async () => {
    const { error } = await run({});
    expect(error).toMatchObject({ name: "EventValidationError" });
  });
});
`,
  );

  createFile(
    path.join(root, runbook),
    `# Runbook: ${id} (\`${id}\`, apps/${app})

Code: \`${fnFile}\`.

## Triggers

\`${ev.name}\` starts one run per event. (Say who sends it and what the run does, step by step.)

## Retries

3 per step (\`retries: 3\`). A \`NonRetriableError\` fails the run at once; a payload that breaks the
contract fails it without retrying.

## Failure handling and compensation

The failure handler emits \`studio/automation.failed\` with \`compensated: false\`: the function
changes nothing outside yet. When it does, say here what the handler undoes.

## In the Inngest dashboard

Functions \`${id}\` and \`${id}-failure\`. A run's \`handle\` step shows the work; its error names
the cause.

## Manual recovery

Fix the cause, then rerun the failed run from the dashboard (a re-send of the same event with its
dedupe id is ignored for 24 hours).
`,
  );

  const index = path.join(appDir, "src/functions/index.ts");
  insertAfterLast(index, /^import /, `import { ${name} } from "./${id}.ts";`);
  appendToArray(index, /^export const functions\b/, name);
  const written = [fnFile, testFile, runbook, `apps/${app}/src/functions/index.ts`];
  if (worker) {
    insertBeforeClose(path.join(appDir, "src/functions/function-ids.ts"), /^export const functionIds = \{/, "} as const;", `  ${name}: "${id}",`);
    written.push(`apps/${app}/src/functions/function-ids.ts`);
  }
  return written;
}
