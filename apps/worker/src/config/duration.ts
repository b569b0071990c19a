import { z } from "zod";

/** Inngest's compact duration format ("3d", "12h", "1h30m", "90s"), as its flow-control options type it. */
export type TimeStr = `${`${number}w` | ""}${`${number}d` | ""}${`${number}h` | ""}${`${number}m` | ""}${`${number}s` | ""}`;

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const COMPACT = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** A validated duration: the text Inngest reads, and its length in milliseconds for arithmetic. */
export type Duration = { readonly text: TimeStr; readonly ms: number };

/** Parses "1w2d3h4m5s"-style text (each unit optional, in that order); undefined when malformed. */
export function parseDuration(text: string): Duration | undefined {
  const match = COMPACT.exec(text.trim());
  if (!match || text.trim() === "") return undefined;
  const [, w, d, h, m, s] = match;
  const ms = [w, d, h, m, s].reduce(
    (sum, part, i) => sum + Number(part ?? 0) * Object.values(UNIT_MS)[i]!,
    0,
  );
  if (ms <= 0) return undefined;
  return { text: text.trim() as TimeStr, ms };
}

/** Renders milliseconds (whole seconds, at least 1s) in the compact format: 93_600_000 → "1d2h". */
export function formatDuration(ms: number): TimeStr {
  let rest = Math.max(1, Math.round(ms / 1000)) * 1000;
  let out = "";
  for (const [unit, size] of Object.entries(UNIT_MS)) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out as TimeStr;
}

/** An env variable holding a duration, with an error that shows the accepted spelling. */
export const durationVar = (example: string) =>
  z.string().transform((text, ctx) => {
    const parsed = parseDuration(text);
    if (parsed) return parsed;
    ctx.addIssue({
      code: "custom",
      message: `"${text}" is not a duration: use whole numbers with units w, d, h, m, s in that order, e.g. ${example}, 12h, 90s or 1h30m`,
    });
    return z.NEVER;
  });
