import { type ContractEventLike, type ContractModule, type Use } from "./types.ts";

/** What the graph reads from a registered Inngest function (InngestFunction keeps its options). */
export interface RegisteredFunctionLike {
  id(prefix?: string): string;
  readonly opts: { readonly triggers?: unknown; readonly cancelOn?: unknown };
}

/**
 * The contract events an app's registered functions run on (`triggers`) and are cancelled by
 * (`cancelOn`), read from the function objects the app serves: what Inngest is told at
 * registration. A trigger given as an event name (not the contract's EventType) stands for every
 * version of that name, as Inngest delivers them all.
 */
export function registeredUses(functions: readonly RegisteredFunctionLike[], contract: ContractModule): Use[] {
  const uses: Use[] = [];
  for (const fn of functions) {
    const where = `function ${fn.id()}`;
    for (const trigger of asArray(fn.opts.triggers)) {
      for (const event of eventsOf(eventRef(trigger), contract)) uses.push({ kind: "trigger", key: event.contract.key, where });
    }
    for (const cancel of asArray(fn.opts.cancelOn)) {
      for (const event of eventsOf(eventRef(cancel), contract)) uses.push({ kind: "cancel", key: event.contract.key, where });
    }
  }
  return uses;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A trigger or cancelOn entry is an EventType, an event name, or `{ event, if? }` (cron triggers have none). */
function eventRef(entry: unknown): unknown {
  if (typeof entry === "string") return entry;
  if (entry && typeof entry === "object" && "event" in entry) return entry.event;
  return entry;
}

function eventsOf(ref: unknown, contract: ContractModule): ContractEventLike[] {
  if (contract.allEvents.includes(ref as ContractEventLike)) return [ref as ContractEventLike];
  const fields = ref && typeof ref === "object" ? (ref as { name?: unknown; version?: unknown }) : {};
  const name = typeof ref === "string" ? ref : fields.name;
  if (typeof name !== "string") return [];
  const version = fields.version;
  return contract.allEvents.filter((e) => e.contract.name === name && (typeof version !== "string" || e.contract.version === version));
}
