import { rules } from "./rules.ts";
import { type BreakingChange } from "./types.ts";

/** `studio/brief.submitted@1` → `studio/brief.submitted@2` (used to spell out the fix). */
function nextVersion(subject: string): string | undefined {
  const match = /^(.+)@(\d+)$/.exec(subject);
  return match ? `${match[1]}@${Number(match[2]) + 1}` : undefined;
}

/** `studio-progress:{subject} topic progress` → `progress` (realtime channel topics have no version). */
function topicOf(subject: string): string | undefined {
  return / topic (\S+)$/.exec(subject)?.[1];
}

/** One breaking change as the gate prints it: event, field, rule broken, why, and the fix. */
export function formatBreakingChange(change: BreakingChange): string {
  const rule = rules[change.rule];
  const next = nextVersion(change.subject);
  const topic = topicOf(change.subject);
  const versionHint = next
    ? ` (e.g. define ${next} in a new event file next to ${change.subject}, keep both in allEvents, move consumers, then deprecate the old one)`
    : topic
      ? ` (for a realtime topic: add a new topic, e.g. \`${topic}V2\`, next to \`${topic}\` in the channel, publish both, move subscribers, then remove the old one)`
      : "";
  return [
    `✗ ${change.subject} — ${change.path}`,
    `    rule:   ${change.rule}: ${rule.summary} (${change.detail})`,
    `    why:    ${rule.why}`,
    `    fix:    ${rule.fix}${rule.fix.includes("new version") ? versionHint : ""}`,
  ].join("\n");
}

/** The whole report for one baseline. */
export function formatBreakingChanges(changes: readonly BreakingChange[], baseline: string): string {
  const head = `${changes.length} change(s) against ${baseline} are not FULL-compatible (old consumers must read new events, and old producers' events must satisfy the new contract):`;
  return [head, ...changes.map(formatBreakingChange)].join("\n");
}
