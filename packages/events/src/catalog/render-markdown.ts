import { type AnyContractEvent } from "../contract/contract-event-type.ts";
import { dedupeId } from "../contract/dedupe-id.ts";
import { type ContractEventType, type EventSchema } from "../contract/contract-event-type.ts";
import { eventJsonSchema, eventSchemaPath } from "../json-schema/event-json-schema.ts";
import { functionJsonSchema, functionSchemaPath, type FunctionContractLike } from "../json-schema/function-json-schema.ts";
import { channelJsonSchema, channelSchemaPath, type ChannelContractLike } from "../json-schema/channel-json-schema.ts";
import { type JsonSchema } from "../json-schema/types.ts";
import { describeFields } from "./describe-fields.ts";

export interface CatalogInput {
  readonly events: readonly AnyContractEvent[];
  readonly functions: readonly FunctionContractLike[];
  /** The export name of each event (`briefSubmitted`), by event key. */
  readonly exportNames: ReadonlyMap<string, string>;
  /** The canonical example payload of each event, by event key. */
  readonly examples: ReadonlyMap<string, unknown>;
  readonly invokeExamples: ReadonlyMap<string, { data: unknown; result: unknown }>;
  readonly channels: readonly ChannelContractLike[];
  /** The canonical example payload of each topic, by channel key then topic. */
  readonly channelExamples: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** A list of parties, or "none" (an event may have no producer or no consumer in these apps). */
const parties = (list: readonly string[]) => (list.length > 0 ? list.join(", ") : "none");
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const anchor = (text: string) => text.toLowerCase().replace(/[^a-z0-9 -]/g, "").replaceAll(" ", "-");

function fieldTable(schema: JsonSchema): string[] {
  const rows = describeFields(schema).map(
    (f) =>
      `| \`${f.path}\` | ${cell(f.type)} | ${f.required ? "yes" : "no"} | ${cell(f.rules)} | ${[f.personal ? "🔒" : "", cell(f.description)].filter(Boolean).join(" ")} |`,
  );
  return ["| field | type | required | rules | notes |", "| --- | --- | --- | --- | --- |", ...rows];
}

function json(value: unknown): string[] {
  return ["```json", JSON.stringify(value, null, 2), "```"];
}

function eventSection(event: AnyContractEvent, example: unknown, exportName: string | undefined): string[] {
  const c = event.contract;
  const deduped = c.dedupe && example !== undefined
    ? `yes — id \`${dedupeId(event as ContractEventType<string, EventSchema, true>, example as never)}\` for the example (use \`createWithDedupe\`)`
    : "no (every event is a separate occurrence)";
  return [
    `### \`${c.name}\` (v${c.version})`,
    "",
    c.description,
    "",
    ...(exportName
      ? [`- **import:** \`import { ${exportName} } from "@studio/events"\`; fixtures: \`fixtures.${exportName}\` in \`@studio/events/fixtures\``]
      : []),
    `- **JSON Schema:** [\`schemas/${eventSchemaPath(event)}\`](../packages/events/schemas/${eventSchemaPath(event)})`,
    `- **owner:** ${c.owner}`,
    `- **producers:** ${parties(c.producers)}`,
    `- **consumers:** ${parties(c.consumers)}`,
    `- **dedupe:** ${deduped}`,
    ...(c.deprecated ? [`- **deprecated:** replaced by \`${c.deprecated.replacedBy}\`, remove after ${c.deprecated.removeAfter}`] : []),
    "",
    ...fieldTable(eventJsonSchema(event)),
    "",
    "Example `data`:",
    "",
    ...json(example),
    "",
  ];
}

function functionSection(fn: FunctionContractLike, example: { data: unknown; result: unknown } | undefined): string[] {
  return [
    `### \`${fn.key}\``,
    "",
    fn.description,
    "",
    `- **served by:** app \`${fn.appId}\`, function \`${fn.functionId}\` (owner: ${fn.owner})`,
    `- **callers:** ${parties(fn.callers)}`,
    `- **schemas:** [\`data\`](../packages/events/schemas/${functionSchemaPath(fn, "data")}), [\`return\`](../packages/events/schemas/${functionSchemaPath(fn, "return")})`,
    "",
    "Input `data`:",
    "",
    ...fieldTable(functionJsonSchema(fn, "data")),
    "",
    "Return value:",
    "",
    ...fieldTable(functionJsonSchema(fn, "return")),
    "",
    ...(example ? ["Example input:", "", ...json(example.data), ""] : []),
  ];
}

function channelSection(channel: ChannelContractLike, examples: Readonly<Record<string, unknown>> | undefined): string[] {
  const topics = Object.entries(channel.topics);
  return [
    `### \`${channel.address}\``,
    "",
    channel.description,
    "",
    `- **import:** \`import { ${channel.exportName} } from "@studio/events"\`; publish with \`${channel.exportName}({ ${Object.keys(channel.parameters).join(", ")} })\``,
    `- **name pattern:** \`${channel.address}\`, where ${Object.entries(channel.parameters).map(([name, text]) => `\`${name}\` is ${text}`).join("; ")}`,
    `- **topics:** ${topics.map(([topic]) => `\`${topic}\``).join(", ")}`,
    `- **owner:** ${channel.owner}`,
    `- **publishers:** ${parties(channel.publishers)}`,
    `- **subscribers:** ${parties(channel.subscribers)}`,
    `- **JSON Schemas:** ${topics.map(([topic]) => `[\`${topic}\`](../packages/events/schemas/${channelSchemaPath(channel, topic)})`).join(", ")}`,
    "",
    ...topics.flatMap(([topic, entry]) => [
      `Topic \`${topic}\`: ${entry.description}`,
      "",
      ...fieldTable(channelJsonSchema(channel, topic)),
      "",
      ...(examples?.[topic] === undefined ? [] : ["Example `data`:", "", ...json(examples[topic]), ""]),
    ]),
  ];
}

/** `docs/events.md`: the human catalog of the contract, generated from the code. */
export function renderMarkdown(input: CatalogInput): string {
  const index = input.events.map((e) => {
    const c = e.contract;
    return `| [\`${c.name}\`](#${anchor(`${c.name} (v${c.version})`)}) | ${c.version} | ${c.owner} | ${parties(c.producers)} | ${parties(c.consumers)} | ${cell(c.description)} |`;
  });
  const lines = [
    "<!-- Generated by packages/events/scripts/generate.ts. Do not edit: change the contract, then run `pnpm --filter @studio/events events:generate`. -->",
    "",
    "# Event catalog",
    "",
    "Every event, cross-app invoke contract and realtime channel that the Studio+233 apps exchange, generated from",
    "`@studio/events`. The contract package is the single source of truth; this page, the JSON Schemas",
    "under `packages/events/schemas/` and [`asyncapi.yaml`](./asyncapi.yaml) are derived from it.",
    "",
    "- Fields marked 🔒 live under `data.encrypted`: the encryption middleware encrypts that object as a",
    "  whole before the event leaves the producer. Tables and examples show it decrypted.",
    "- String lengths count Unicode code points (as JSON Schema does), so an emoji counts as one.",
    "- Changes must be FULL-compatible (see the package README): add optional fields freely; anything",
    "  else needs a new event version served alongside the old one.",
    "- **producers** are the apps whose code sends the event; **consumers** the apps with a function",
    "  that the event triggers, that waits for it or that it cancels; **callers** the apps that invoke",
    "  a function. Each app's `src/contract-roles.test.ts` derives these from its code and fails when",
    "  the lists differ. `platform` is operators and alerting outside the apps. The web console shows",
    "  every event from Inngest's event history; reading it that way is not consuming it.",
    "",
    "## Events",
    "",
    "| event | version | owner | producers | consumers | description |",
    "| --- | --- | --- | --- | --- | --- |",
    ...index,
    "",
    ...input.events.flatMap((e) => eventSection(e, input.examples.get(e.contract.key), input.exportNames.get(e.contract.key))),
    "## Cross-app invoke contracts",
    "",
    ...input.functions.flatMap((fn) => functionSection(fn, input.invokeExamples.get(fn.key))),
    "## Realtime channels",
    "",
    "Inngest realtime channels that one app publishes to while a run is in progress and another app",
    "subscribes to. Each topic's payload follows the same FULL-compatibility rules as an event's `data`.",
    "",
    ...input.channels.flatMap((channel) => channelSection(channel, input.channelExamples.get(channel.key))),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
