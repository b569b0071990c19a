import { type AnyContractEvent } from "../contract/contract-event-type.ts";

/** What the event-flow diagram is drawn from: the contract's own producer/consumer data. */
export interface EventFlowInput {
  events: readonly AnyContractEvent[];
  functions: readonly { key: string; functionId: string; owner: string; callers: readonly string[] }[];
  channels: readonly { key: string; publishers: readonly string[]; subscribers: readonly string[] }[];
}

export const EVENT_FLOW_START = "<!-- event-flow:start (generated from the contract's producers and consumers by `./pnpm events:generate`; do not edit) -->";
export const EVENT_FLOW_END = "<!-- event-flow:end -->";

const LABELS: Record<string, string> = {
  web: "web (Next.js console)",
  worker: "worker (Hono)",
  ai: "ai (Hono)",
  platform: "platform (alerting, status)",
};

/**
 * The event-flow diagram as a Mermaid flowchart: one node per party, one solid edge per
 * producer → consumer pair listing the events that flow between them, a dashed edge per cross-app
 * invocation (caller → owner) and a dotted one per realtime channel (publisher → subscriber).
 * Everything comes from the contract's data, so the diagram follows when an event's producers or
 * consumers change.
 */
export function renderEventFlow(input: EventFlowInput): string {
  const pairs = new Map<string, { from: string; to: string; names: string[] }>();
  const parties = new Set<string>();
  // Deprecated versions too: a producer may still send one (the name is listed once per edge).
  for (const event of input.events) {
    for (const from of event.contract.producers) {
      for (const to of event.contract.consumers) {
        parties.add(from).add(to);
        const key = `${from}→${to}`;
        const pair = pairs.get(key) ?? { from, to, names: [] };
        if (!pair.names.includes(event.name)) pair.names.push(event.name);
        pairs.set(key, pair);
      }
    }
  }
  const order = (p: string) => (["web", "worker", "ai", "platform"].indexOf(p) + 1 || 99) * 1000 + p.charCodeAt(0);
  const lines = ["```mermaid", "flowchart LR"];
  for (const fn of input.functions) [fn.owner, ...fn.callers].forEach((p) => parties.add(p));
  for (const ch of input.channels) [...ch.publishers, ...ch.subscribers].forEach((p) => parties.add(p));
  for (const party of [...parties].sort((a, b) => order(a) - order(b))) lines.push(`  ${party}["${LABELS[party] ?? party}"]`);
  const sortedPairs = [...pairs.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  for (const { from, to, names } of sortedPairs) {
    lines.push(`  ${from} -- "${[...names].sort().join("<br/>")}" --> ${to}`);
  }
  for (const fn of input.functions) {
    for (const caller of fn.callers) lines.push(`  ${caller} -. "step.invoke ${fn.functionId}" .-> ${fn.owner}`);
  }
  for (const ch of input.channels) {
    for (const from of ch.publishers) for (const to of ch.subscribers) lines.push(`  ${from} -. "realtime ${ch.key}" .-> ${to}`);
  }
  lines.push("```");
  return lines.join("\n");
}

/**
 * `doc` with the text between the event-flow markers replaced by `diagram`. A doc without the
 * markers is returned unchanged (nothing to keep fresh).
 */
export function spliceEventFlow(doc: string, diagram: string): string {
  const start = doc.indexOf(EVENT_FLOW_START);
  const end = doc.indexOf(EVENT_FLOW_END);
  if (start === -1 || end === -1 || end < start) return doc;
  return `${doc.slice(0, start + EVENT_FLOW_START.length)}\n${diagram}\n${doc.slice(end)}`;
}
