import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appIds } from "./apps.ts";
import { describeFields } from "./catalog/describe-fields.ts";
import { eventJsonSchema } from "./json-schema/event-json-schema.ts";
import { allChannels, allEvents, allFunctions } from "./registry.ts";
import { workflowProgress } from "./realtime/workflow-progress.ts";
import * as contract from "./index.ts";

const parties = [...Object.keys(appIds), "platform"];
/** Field names that hold personal data whenever they appear; they must sit under `data.encrypted`. */
const PERSONAL = /(email|phone|contactName|billingName|^description$|^message$|^to$|^subject$)/i;
/** Paths whose names look personal but are not (error text produced by code). */
const NOT_PERSONAL = new Set(["error.message"]);

describe("the contract registry", () => {
  it("lists every exported event exactly once", () => {
    const exported = Object.values(contract).filter((value) => value instanceof contract.ContractEventType);
    expect(new Set(allEvents)).toEqual(new Set(exported));
    expect(new Set(allEvents.map((e) => e.contract.key)).size).toBe(allEvents.length);
  });

  it.each(allEvents.map((e) => [e.name, e] as const))("%s follows the conventions", (_name, event) => {
    const c = event.contract;
    expect(c.name).toMatch(/^[a-z]+\/[a-z]+\.[a-z]+$/); // <domain>/<noun>.<past-tense verb>
    expect(c.version).toMatch(/^[1-9]\d*$/);
    expect(c.description).toMatch(/^[A-Z][^\n]{10,140}$/);
    for (const party of [c.owner, ...c.producers, ...c.consumers]) expect(parties).toContain(party);
    // Who really produces and consumes it is held to the apps' code by each app's contract-roles.test.ts
    // (an event may have neither in these apps: a deprecated version, or one only the console shows).
    expect(new Set(c.producers).size).toBe(c.producers.length);
    expect(new Set(c.consumers).size).toBe(c.consumers.length);
  });

  it.each(allEvents.map((e) => [e.name, e] as const))("%s keeps personal data under data.encrypted", (_name, event) => {
    const misplaced = describeFields(eventJsonSchema(event))
      .filter((f) => PERSONAL.test(f.path.split(".").at(-1) ?? "") && !f.personal && !NOT_PERSONAL.has(f.path))
      .map((f) => f.path);
    expect(misplaced).toEqual([]);
  });

  it("describes the studio-progress channel exactly as the runtime channel is built", () => {
    const [contract_] = allChannels;
    expect(contract_.address).toBe("studio-progress:{subject}");
    expect(workflowProgress({ subject: "brief:b_123" }).name).toBe("studio-progress:brief:b_123");
    expect(Object.keys(contract_.topics)).toEqual(Object.keys(workflowProgress.topics));
    for (const [topic, entry] of Object.entries(contract_.topics)) {
      expect(entry.schema).toBe(workflowProgress.topics[topic as keyof typeof workflowProgress.topics].schema);
    }
    expect(contract[contract_.exportName as keyof typeof contract]).toBe(workflowProgress);
  });

  it.each(allChannels.map((c) => [c.key, c] as const))("channel %s follows the conventions", (_key, channel) => {
    expect(channel.description).toMatch(/^[A-Z][^\n]{10,140}$/);
    for (const party of [channel.owner, ...channel.publishers, ...channel.subscribers]) expect(parties).toContain(party);
    expect(channel.publishers.length).toBeGreaterThan(0);
    expect(channel.subscribers.length).toBeGreaterThan(0);
    for (const name of channel.address.match(/\{(\w+)\}/g) ?? []) expect(Object.keys(channel.parameters)).toContain(name.slice(1, -1));
  });

  it.each([
    ...allEvents.map((e) => [e.name, e.contract.schema] as const),
    ...allFunctions.flatMap((f) => [[`${f.key} data`, f.schemas.data], [`${f.key} return`, f.schemas.return]] as const),
    ...allChannels.flatMap((c) => Object.entries(c.topics).map(([topic, entry]) => [`${c.key} topic ${topic}`, entry.schema] as const)),
  ])(
    "%s has no transforms or defaults (input and output schemas are the same)",
    (_name, schema) => {
      const input = z.toJSONSchema(schema, { io: "input" });
      // Output mode closes objects; apart from that, any difference is a default or a transform.
      const output = JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: "output" })).replaceAll(',"additionalProperties":false', "")) as unknown;
      expect(output).toEqual(input);
    },
  );
});
