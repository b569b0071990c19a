import { kebabCase } from "./kebab-case.ts";
import { type ContractModule, type Use, type UseKind } from "./types.ts";

interface Role {
  /** The contract list, e.g. "consumers". */
  list: string;
  kinds: readonly UseKind[];
  /** What the party does when it plays the role, e.g. "sends it". */
  doing: string;
}

const ROLES = {
  producers: { list: "producers", kinds: ["sends"], doing: "sends it" },
  consumers: { list: "consumers", kinds: ["trigger", "wait", "cancel"], doing: "has a function triggered by, waiting for or cancelled by it" },
  callers: { list: "callers", kinds: ["invoke"], doing: "invokes it" },
  publishers: { list: "publishers", kinds: ["publish"], doing: "publishes to it" },
  subscribers: { list: "subscribers", kinds: ["subscribe"], doing: "subscribes to it" },
} as const satisfies Record<string, Role>;

/**
 * Holds the contract's lists to what one app's code does (its uses, from registeredUses and
 * scanSources): the app is listed as a producer of an event exactly when it sends it, as a
 * consumer exactly when one of its functions runs on, waits for or is cancelled by it, as a
 * caller of a contract function exactly when it invokes it, and as a channel's publisher or
 * subscriber exactly when it publishes or subscribes. Returns one line per difference, naming the
 * evidence and the file to change; empty when the contract tells the truth about this app.
 * Only `party` is checked: "platform" (operators, alerting) has no code here to read.
 */
export function compareRoles(party: string, uses: readonly Use[], contract: ContractModule): string[] {
  const problems: string[] = [];
  const fileOf = (value: unknown, folder: string) => {
    const name = Object.entries(contract).find(([, v]) => v === value)?.[0];
    return name === undefined ? "packages/events" : `packages/events/src/${folder}/${kebabCase(name)}.ts`;
  };
  const check = (key: string, role: Role, listed: readonly string[], file: string) => {
    const evidence = uses.filter((u) => u.key === key && role.kinds.includes(u.kind));
    const isListed = listed.includes(party);
    const now = `[${listed.join(", ")}]`;
    if (evidence.length > 0 && !isListed) {
      const at = [...new Set(evidence.map((u) => `${u.where} (${u.kind})`))];
      problems.push(`${key}: ${party} ${role.doing} (${at.slice(0, 3).join("; ")}${at.length > 3 ? "; …" : ""}), but its ${role.list} are ${now}: add "${party}" in ${file}`);
    }
    if (evidence.length === 0 && isListed) {
      problems.push(`${key}: its ${role.list} ${now} name ${party}, but no ${party} code ${role.doing}: remove "${party}" in ${file}`);
    }
  };
  for (const event of contract.allEvents) {
    const file = fileOf(event, "events");
    check(event.contract.key, ROLES.producers, event.contract.producers, file);
    check(event.contract.key, ROLES.consumers, event.contract.consumers, file);
  }
  for (const fn of contract.allFunctions) check(fn.key, ROLES.callers, fn.callers, `packages/events/src/functions/${fn.functionId}.ts`);
  for (const channel of contract.allChannels) {
    const file = `packages/events/src/realtime/${kebabCase(channel.exportName)}.ts`;
    check(channel.key, ROLES.publishers, channel.publishers, file);
    check(channel.key, ROLES.subscribers, channel.subscribers, file);
  }
  return problems;
}
