import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type z } from "zod";
import { analyseBriefFixtures } from "../fixtures/analyse-brief.ts";
import { allFixtures } from "../fixtures/index.ts";
import { mutate, REMOVE } from "../fixtures/mutate.ts";
import { analyseBriefDataSchema, analyseBriefReturnSchema } from "../functions/analyse-brief.ts";
import { workflowProgressFixtures } from "../fixtures/workflow-progress.ts";
import { allChannels, allFunctions } from "../registry.ts";
import { channelJsonSchema } from "./channel-json-schema.ts";
import { createAjv } from "./create-ajv.ts";
import { eventJsonSchema } from "./event-json-schema.ts";
import { functionJsonSchema } from "./function-json-schema.ts";
import { type JsonSchema } from "./types.ts";

const annotating = createAjv({ assertFormats: false });
const asserting = createAjv({ assertFormats: true });

interface Subject {
  readonly name: string;
  readonly zod: z.ZodType;
  readonly json: JsonSchema;
  readonly valid: readonly unknown[];
  readonly invalid: Readonly<Record<string, { data: unknown }>>;
}

const fn = allFunctions[0];
const channel = allChannels[0];
const subjects: Subject[] = [
  ...allFixtures.map((f) => ({
    name: f.event.name,
    zod: f.event.schema,
    json: eventJsonSchema(f.event),
    valid: f.valid,
    invalid: f.invalid,
  })),
  { name: `${fn.key} data`, zod: analyseBriefDataSchema, json: functionJsonSchema(fn, "data"), ...analyseBriefFixtures.data },
  { name: `${fn.key} return`, zod: analyseBriefReturnSchema, json: functionJsonSchema(fn, "return"), ...analyseBriefFixtures.return },
  ...(["progress", "result"] as const).map((topic) => ({
    name: `${channel.key} topic ${topic}`,
    zod: channel.topics[topic].schema,
    json: channelJsonSchema(channel, topic),
    ...workflowProgressFixtures[topic],
  })),
];

/** Every path (dot-separated, array indexes as numbers) inside a JSON value. */
function pathsOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...pathsOf(child, path)];
  });
}

function get(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

/** Strings near the shapes the contract cares about: emails, dates, date-times, URLs, codes. */
const trickyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("", " ", "EUR", "eur", "EURO", "image/png", "PNG", "a@b.co", "a@b", "a@b-.co", "a..b@c.io", "'a@b.co", "a+b@c.io"),
  fc.constantFrom("2027-02-29", "2028-02-29", "2027-13-01", "2027-04-31", "0000-01-01", "27-01-01", "2027-1-1"),
  fc.constantFrom("2027-01-01T00:00:00Z", "2027-01-01T00:00Z", "2027-01-01T24:00:00Z", "2027-01-01T00:00:00.5Z", "2027-01-01T00:00:00+00:00", "2027-01-01 00:00:00Z"),
  fc.constantFrom("http://a", "https://a.b/c?d#e", "http://", "ftp://a.b", "http://a b", "http://a:99999", "https://[::1]/", "http://a/%zz", "HTTP://A"),
  fc.tuple(fc.constantFrom("a", "é", "😀", " "), fc.nat({ max: 5100 })).map(([c, n]) => c.repeat(n)),
  fc.tuple(fc.emailAddress(), fc.boolean()).map(([e, upper]) => (upper ? e.toUpperCase() : e)),
  fc.webUrl(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

const trickyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2 ** 53, 2 ** 53 - 1, Number.MAX_VALUE, Number.POSITIVE_INFINITY, Number.NaN),
);

const replacement = fc.oneof(
  { weight: 3, arbitrary: trickyString },
  { weight: 2, arbitrary: trickyNumber },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, REMOVE) },
);

/** One random change to a valid payload: replace or remove a field, resize a list, or add a key. */
function mutation(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const arrays = paths.filter((p) => Array.isArray(get(base, p)));
  const objects = ["", ...paths.filter((p) => { const v = get(base, p); return typeof v === "object" && v !== null && !Array.isArray(v); })];
  const options: fc.Arbitrary<unknown>[] = [
    fc.tuple(fc.constantFrom(...paths), replacement).map(([path, value]) =>
      Array.isArray(get(base, path.split(".").slice(0, -1).join("."))) && value === REMOVE ? mutate(base, path, null) : mutate(base, path, value),
    ),
    fc.tuple(fc.constantFrom(...objects), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/), fc.jsonValue({ maxDepth: 1 })).map(([path, key, value]) =>
      path === "" ? { ...(base as object), [key]: value } : mutate(base, `${path}.${key}`, value),
    ),
  ];
  if (arrays.length) {
    options.push(
      fc.tuple(fc.constantFrom(...arrays), fc.nat({ max: 60 })).map(([path, length]) => {
        const items = get(base, path) as unknown[];
        return mutate(base, path, Array.from({ length }, (_, i) => items[i % Math.max(items.length, 1)] ?? "x"));
      }),
    );
  }
  return fc.oneof(...options);
}

describe.each(subjects.map((s) => [s.name, s] as const))("%s: JSON Schema and zod agree", (_name, subject) => {
  const viaAnnotations = annotating.compile(subject.json);
  const viaFormats = asserting.compile(subject.json);

  it("every valid fixture passes zod and the JSON Schema (with and without format assertion)", () => {
    for (const data of subject.valid) {
      expect(subject.zod.safeParse(data).success).toBe(true);
      expect(viaAnnotations(data), JSON.stringify(viaAnnotations.errors)).toBe(true);
      expect(viaFormats(data), JSON.stringify(viaFormats.errors)).toBe(true);
    }
  });

  it("every named invalid fixture fails zod and the JSON Schema", () => {
    for (const [label, bad] of Object.entries(subject.invalid)) {
      expect(subject.zod.safeParse(bad.data).success, label).toBe(false);
      expect(viaAnnotations(bad.data), label).toBe(false);
      expect(viaFormats(bad.data), label).toBe(false);
    }
  });

  it("random mutations of the fixtures are accepted or rejected by both alike", () => {
    const arbitrary = fc.constantFrom(...subject.valid).chain((base) => mutation(base));
    fc.assert(
      fc.property(arbitrary, (data) => {
        // What travels is JSON: normalise as the wire would (NaN/Infinity become null, -0 becomes 0).
        const wire: unknown = JSON.parse(JSON.stringify(data));
        expect(viaAnnotations(wire)).toBe(subject.zod.safeParse(wire).success);
      }),
      { numRuns: 400 },
    );
  });
});
