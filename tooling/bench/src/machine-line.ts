import { cpus, loadavg } from "node:os";

/**
 * One line naming what the figures were measured on: Node, CPU, cores and the load average now.
 * This machine is shared, so every benchmark prints it at start and end; figures taken at a
 * load average well above the core count are noisy even as ratios.
 */
export function machineLine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  return `Node ${process.version}, ${model}, ${cores.length} cores, ${loadLine()}`;
}

/** "load average 3.1 / 4.2 / 5.0 (1, 5, 15 min)". */
export function loadLine(): string {
  return `load average ${loadavg().map((x) => x.toFixed(1)).join(" / ")} (1, 5, 15 min)`;
}
