#!/usr/bin/env node
// On-call tool: the Inngest dashboard shows encrypted step outputs and results as
// {"__ENCRYPTED__": true, ...}. Paste one (or a whole run output / API response) here to read it.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { containsEncryptedValue, decryptAll } from "../src/encryption/decrypt-all.ts";
import { DecryptionError } from "../src/encryption/decryption-error.ts";
import { cliEnv } from "./env.ts";

const USAGE = `Usage: studio-decrypt [--key <key>] [--fallback-key <key>]... [<json> | -]

Prints the JSON input with every {"__ENCRYPTED__": true, ...} value replaced by its plaintext.
The input is the argument, or stdin when it is "-" or absent: one encrypted value, a run output,
or any JSON document containing encrypted values (e.g. a Dev Server /v1/runs/<id> response).

Keys: STUDIO_ENCRYPTION_KEY and STUDIO_ENCRYPTION_FALLBACK_KEYS (comma-separated) from the
environment, or --key / --fallback-key (prefer the environment: arguments end up in shell
history). Every key is tried, so old keys can be given as fallbacks.

Exit codes: 0 decrypted, 1 no key opens a value, 2 bad usage or input.`;

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`studio-decrypt: ${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        key: { type: "string" },
        "fallback-key": { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    return fail(2, `${(err as Error).message}\n\n${USAGE}`);
  }
})();

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const key = values.key ?? cliEnv.STUDIO_ENCRYPTION_KEY;
if (!key) fail(2, "no key: set STUDIO_ENCRYPTION_KEY (or pass --key).");
const keys: [string, ...string[]] = [key, ...(values["fallback-key"] ?? []), ...cliEnv.STUDIO_ENCRYPTION_FALLBACK_KEYS];

if (positionals.length > 1) fail(2, `expected one JSON argument, got ${positionals.length} (quote the JSON).\n\n${USAGE}`);
const source = positionals[0] === undefined || positionals[0] === "-" ? readFileSync(0, "utf8") : positionals[0];

let input: unknown;
try {
  input = JSON.parse(source);
} catch (err) {
  fail(2, `the input is not JSON (${(err as Error).message}).`);
}

if (!containsEncryptedValue(input)) process.stderr.write("studio-decrypt: no encrypted values found; printing the input unchanged.\n");

try {
  process.stdout.write(`${JSON.stringify(await decryptAll(input, keys), null, 2)}\n`);
} catch (err) {
  if (err instanceof DecryptionError) fail(1, err.message);
  throw err;
}
