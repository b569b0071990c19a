import { readdirSync, readFileSync } from "node:fs";

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 a second on every common build). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) used so far by the live processes of each process group (the harness
 * starts every app and Dev Server as a group of its own), read from /proc. On a machine shared with
 * other work, wall time says little; CPU time says what the scenario costs. Empty off Linux.
 */
export function cpuSecondsByGroup(groups: Record<string, number | undefined>): Record<string, number> {
  const wanted = new Map(Object.entries(groups).flatMap(([name, pgid]) => (pgid ? [[pgid, name] as const] : [])));
  const totals: Record<string, number> = {};
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return totals;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may contain spaces) start at index 0 = state.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const name = wanted.get(Number(fields[2])); // pgrp
    if (!name) continue;
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    totals[name] = (totals[name] ?? 0) + ticks / TICKS_PER_SECOND;
  }
  return totals;
}

/** The CPU seconds used between two readings, per group, and in all. */
export function cpuUsedBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const used: Record<string, number> = {};
  let total = 0;
  for (const [name, seconds] of Object.entries(after)) {
    const delta = Math.round((seconds - (before[name] ?? 0)) * 10) / 10;
    used[name] = delta;
    total += delta;
  }
  return { ...used, total: Math.round(total * 10) / 10 };
}
