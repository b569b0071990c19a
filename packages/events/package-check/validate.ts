// Run with node by the installed-tarball test (src/package/installed-tarball.e2e.test.ts), in a
// project that installed the packed package with npm: validate() accepts the contract's example
// and rejects a bad payload with an EventContractError naming the field. Prints what it saw.
import { briefSubmitted, EventContractError } from "@studio/events";
import { fixtures } from "@studio/events/fixtures";

const example = fixtures.briefSubmitted.valid[0];
await briefSubmitted.create(example).validate();

let rejected: { event: string; paths: string[] } | null = null;
try {
  await briefSubmitted.create({ ...example, encrypted: { ...example.encrypted, contactEmail: "ada-at-example" } }).validate();
} catch (error) {
  if (!(error instanceof EventContractError)) throw error;
  rejected = { event: error.eventName, paths: error.issues.map((issue) => issue.path) };
}
console.log(JSON.stringify({ accepted: briefSubmitted.name, rejected }));
