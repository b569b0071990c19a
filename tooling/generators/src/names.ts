/** "quote-requested" → "quoteRequested". */
export function camel(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** What the event generator derives from `studio/quote.requested`. */
export interface EventNames {
  name: string;
  /** `quote-requested`: the file name in packages/events/src/events/ and fixtures/. */
  file: string;
  /** `quoteRequested`: the exported EventType. */
  exportName: string;
  /** `quoteRequestedFixtures`. */
  fixturesName: string;
  /** `quoteId`: the id field of the generated schema (and its dedupe key). */
  idField: string;
}

/** Event names follow `<domain>/<noun>.<past-tense verb>`, lower case letters only (the registry test's rule). */
export function eventNames(name: string): EventNames {
  const match = /^([a-z]+)\/([a-z]+)\.([a-z]+)$/.exec(name);
  if (!match) {
    throw new Error(`event name "${name}" must look like <domain>/<noun>.<past-tense verb>, lower case letters only, e.g. studio/quote.requested`);
  }
  const [, , noun = "", verb = ""] = match;
  const file = `${noun}-${verb}`;
  return { name, file, exportName: camel(file), fixturesName: `${camel(file)}Fixtures`, idField: `${noun}Id` };
}

/** Function ids are kebab case (`confirm-quote`); they name the file and, with the app id, the slug. */
export function functionId(id: string): string {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new Error(`function id "${id}" must be kebab case, e.g. confirm-quote`);
  return id;
}

/** App names are one lower-case word (`billing`): the folder apps/<name>, package @studio/<name>, app id studio-<name>. */
export function appName(name: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(name)) throw new Error(`app name "${name}" must be one lower-case word, e.g. billing`);
  return name;
}

/** Parties of the contract (owner, producers, consumers): the app keys plus "platform". */
export function partyList(raw: string): string[] {
  const parties = raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parties.length === 0) throw new Error("give at least one party (an app key such as web, worker, ai, or platform)");
  return parties;
}
