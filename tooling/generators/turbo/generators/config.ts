// The repo's generators: `./pnpm gen event|function|app` (or `turbo gen`, see docs/adding-an-event.md).
// Each writes every file the new piece needs; the logic lives in ../../src so it is typed and tested.
import type { PlopTypes } from "@turbo/gen";
import { addApp, type AppAnswers } from "../../src/add-app.ts";
import { addEvent, regenerateContractArtefacts, type EventAnswers } from "../../src/add-event.ts";
import { addFunction, type FunctionAnswers } from "../../src/add-function.ts";

type Answers = Record<string, unknown> & { turbo?: { paths?: { root?: string } } };
const rootOf = (answers: Answers) => answers.turbo?.paths?.root ?? process.cwd();
const listed = (files: string[]) => `wrote ${files.join(", ")}`;

export default function generators(plop: PlopTypes.NodePlopAPI): void {
  plop.setGenerator("event", {
    description: "A new contract event: schema, fixtures, test, registry entries, regenerated catalog (docs/adding-an-event.md)",
    prompts: [
      { type: "input", name: "name", message: "Event name (<domain>/<noun>.<past-tense verb>, e.g. studio/quote.requested):" },
      { type: "input", name: "description", message: "One-line description (starts with a capital):" },
      { type: "input", name: "owner", message: "Owner (web, worker, ai or platform):", default: "web" },
      { type: "input", name: "producers", message: "Producers (comma-separated):", default: "web" },
      { type: "input", name: "consumers", message: "Consumers (comma-separated):", default: "worker" },
    ],
    actions: [
      (answers) => listed(addEvent(rootOf(answers), answers as unknown as EventAnswers)),
      (answers) => regenerateContractArtefacts(rootOf(answers)),
    ],
  });

  plop.setGenerator("function", {
    description: "A new Inngest function: file with its header, test, runbook, registration (docs/adding-a-function.md)",
    prompts: [
      { type: "input", name: "app", message: "App folder under apps/ (worker, ai, …):", default: "worker" },
      { type: "input", name: "id", message: "Function id (kebab case, e.g. confirm-quote):" },
      { type: "input", name: "event", message: "Triggering contract event (e.g. studio/quote.requested):" },
    ],
    actions: [(answers) => listed(addFunction(rootOf(answers), answers as unknown as FunctionAnswers))],
  });

  plop.setGenerator("app", {
    description: "A new Inngest app (Hono), laid out like apps/ai, with its id in the contract (docs/adding-an-app.md)",
    prompts: [
      { type: "input", name: "name", message: "App name (one lower-case word, e.g. billing):" },
      { type: "input", name: "port", message: "Local port:", default: "3003" },
    ],
    actions: [(answers) => listed(addApp(rootOf(answers), answers as unknown as AppAnswers))],
  });
}
