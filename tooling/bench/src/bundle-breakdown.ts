import { readFileSync } from "node:fs";

/** The part of an esbuild metafile read here. */
interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }>; entryPoint?: string }>;
}

export interface BundleOutput {
  file: string;
  bytes: number;
  entryPoint: string | undefined;
}

export interface BundleBreakdown {
  /** Every .js output (entries and chunks), biggest first. */
  outputs: BundleOutput[];
  /** Bytes in the output per package (npm package name, or workspace folder), biggest first. */
  byPackage: { name: string; bytes: number }[];
  total: number;
}

/**
 * Which package each byte of a bundle comes from, from esbuild's metafile. Files under
 * node_modules count for the package after the last node_modules/ (pnpm nests them), the rest
 * for their workspace folder (apps/worker, packages/middleware...). `outputs` restricts the sum
 * to some output files (e.g. what one entry loads at start-up).
 */
export function bundleBreakdown(metafilePath: string, only?: (file: string) => boolean): BundleBreakdown {
  const meta = JSON.parse(readFileSync(metafilePath, "utf8")) as Metafile;
  const byPackage = new Map<string, number>();
  const outputs: BundleOutput[] = [];
  let total = 0;
  for (const [file, output] of Object.entries(meta.outputs)) {
    if (!file.endsWith(".js") || (only && !only(file))) continue;
    outputs.push({ file, bytes: output.bytes, entryPoint: output.entryPoint });
    total += output.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return {
    outputs: outputs.sort((a, b) => b.bytes - a.bytes),
    byPackage: [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
    total,
  };
}

function packageOf(input: string): string {
  const at = input.lastIndexOf("node_modules/");
  if (at >= 0) {
    const parts = input.slice(at + "node_modules/".length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = input.replace(/^(\.\.\/)+/, "").split("/");
  return parts[0] === "apps" || parts[0] === "packages" || parts[0] === "tooling" ? `${parts[0]}/${parts[1]}` : `(this package) ${parts[0]}`;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
