import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appendToArray, createFile, insertAfterLast, insertBeforeClose } from "./edit.ts";
import { appName, eventNames, functionId } from "./names.ts";

describe("generator names", () => {
  it("derive file, export, fixtures and id field from an event name", () => {
    expect(eventNames("studio/quote.requested")).toEqual({
      name: "studio/quote.requested",
      file: "quote-requested",
      exportName: "quoteRequested",
      fixturesName: "quoteRequestedFixtures",
      idField: "quoteId",
    });
  });

  it("refuse names that break the conventions, saying which", () => {
    expect(() => eventNames("studio/QuoteRequested")).toThrow(/<domain>\/<noun>\.<past-tense verb>/);
    expect(() => functionId("confirmQuote")).toThrow(/kebab case/);
    expect(() => appName("billing-app")).toThrow(/one lower-case word/);
  });
});

describe("generator edits", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gen-edit-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it("insert after the last matching line and before a block's close", () => {
    const p = file("registry.ts", 'import { a } from "./events/a.ts";\nimport { b } from "./events/b.ts";\n\nexport const all = [\n  a,\n  b,\n];\nexport const other = [\n];\n');
    insertAfterLast(p, /^import .* from "\.\/events\//, 'import { c } from "./events/c.ts";');
    insertBeforeClose(p, /^export const all\b/, "];", "  c,");
    expect(readFileSync(p, "utf8")).toBe(
      'import { a } from "./events/a.ts";\nimport { b } from "./events/b.ts";\nimport { c } from "./events/c.ts";\n\nexport const all = [\n  a,\n  b,\n  c,\n];\nexport const other = [\n];\n',
    );
  });

  it("append to a one-line array or a multi-line one", () => {
    const one = file("one.ts", "export const functions = [ping, other];\n");
    appendToArray(one, /^export const functions\b/, "next");
    expect(readFileSync(one, "utf8")).toBe("export const functions = [ping, other, next];\n");
    const many = file("many.ts", "export const functions = [\n  ping,\n];\n");
    appendToArray(many, /^export const functions\b/, "next");
    expect(readFileSync(many, "utf8")).toBe("export const functions = [\n  ping,\n  next,\n];\n");
  });

  it("never overwrite a file, and name what is missing", () => {
    const p = file("taken.ts", "x");
    expect(() => createFile(p, "y")).toThrow(/already exists/);
    expect(() => insertAfterLast(p, /^nothing$/, "z")).toThrow(/found no line matching/);
    expect(() => insertAfterLast(path.join(dir, "absent.ts"), /x/, "z")).toThrow(/does not exist/);
  });
});
