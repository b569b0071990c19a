import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Inserts `line` after the last line matching `after`; fails naming the file if none matches. */
export function insertAfterLast(file: string, after: RegExp, line: string): void {
  const lines = read(file).split("\n");
  const index = lines.findLastIndex((l) => after.test(l));
  if (index === -1) throw new Error(`${file}: found no line matching ${after} to insert after`);
  lines.splice(index + 1, 0, line);
  writeFileSync(file, lines.join("\n"));
}

/**
 * Inserts `line` just before the line that closes the block opened by the first line matching
 * `opener` (the first later line that is exactly `closer`, e.g. "];" or "};").
 */
export function insertBeforeClose(file: string, opener: RegExp, closer: string, line: string): void {
  const lines = read(file).split("\n");
  const start = lines.findIndex((l) => opener.test(l));
  if (start === -1) throw new Error(`${file}: found no line matching ${opener}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === closer);
  if (end === -1) throw new Error(`${file}: the block opened at line ${start + 1} has no closing "${closer}"`);
  lines.splice(end, 0, line);
  writeFileSync(file, lines.join("\n"));
}

/** Writes a new file; refuses to overwrite one (a generator never replaces a contributor's work). */
export function createFile(file: string, text: string): void {
  if (existsSync(file)) throw new Error(`${file} already exists: pick another name`);
  writeFileSync(file, text);
}

function read(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} does not exist: is this the Studio repository root?`);
  return readFileSync(file, "utf8");
}

/**
 * Adds `item` to the array literal opened by the first line matching `opener`, whether the array
 * is on one line (`= [a, b];`) or one item per line.
 */
export function appendToArray(file: string, opener: RegExp, item: string): void {
  const lines = read(file).split("\n");
  const start = lines.findIndex((l) => opener.test(l));
  if (start === -1) throw new Error(`${file}: found no line matching ${opener}`);
  const line = lines[start] ?? "";
  if (/\];\s*$/.test(line)) {
    lines[start] = line.replace(/\s*\];\s*$/, `, ${item}];`);
    writeFileSync(file, lines.join("\n"));
    return;
  }
  insertBeforeClose(file, opener, "];", `  ${item},`);
}
