import { performance } from "node:perf_hooks";
import { mean, median } from "./stats.ts";

/** A fetch-style serve handler: inngest/edge's `serve`, a Hono app's `fetch`, a Next route's POST. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** One execution request of a recorded run, as the executor sent it. */
export type RecordedRequest = { url: string; body: string };

export interface ReplayVariant {
  name: string;
  handler: FetchHandler;
  /** The requests of one complete run of this variant (see recordRequests). */
  requests: readonly RecordedRequest[];
}

export interface ReplayOptions {
  rounds: number;
  warmup: number;
  /** Headers each replayed request carries (re-signed per request, as Inngest signs each delivery). */
  headers: (body: string) => Record<string, string>;
}

export interface VariantCost {
  name: string;
  /** Sum over the run's requests of each request's median over the rounds, in ms. */
  cpu: number;
  wall: number;
  /** The same with means instead of medians (to show outliers are not deciding the figure). */
  cpuMean: number;
  requests: number;
}

/** Wraps a handler so that every request it serves is kept (body and URL), to replay later. */
export function recordRequests(handler: FetchHandler): { handler: FetchHandler; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    handler: async (request) => {
      requests.push({ url: request.url, body: await request.clone().text() });
      return handler(request);
    },
  };
}

/**
 * Replays recorded runs through their handlers many times and returns each variant's cost per
 * run. Request k of every variant runs back to back (order alternating), then request k+1: the
 * requests being compared run within milliseconds of each other, under the same load, which on
 * a shared machine matters more than anything else (comparing whole runs one after the other
 * gave ratios from 1.1 to 2.3 for the same code). Only time inside the handler counts; the
 * figure of merit is CPU time (user + system, all threads, so the SDK's asynchronous HMAC work
 * counts). See docs/benchmarks.md, "Method".
 */
export async function replayInterleaved(variants: readonly ReplayVariant[], options: ReplayOptions): Promise<VariantCost[]> {
  const length = variants[0]?.requests.length ?? 0;
  for (const v of variants) {
    if (v.requests.length !== length) throw new Error(`${v.name}: ${v.requests.length} recorded requests, ${variants[0]!.name} has ${length}: the runs must have the same shape`);
  }
  const cpu = variants.map(() => Array.from({ length }, () => [] as number[]));
  const wall = variants.map(() => Array.from({ length }, () => [] as number[]));
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (let k = 0; k < length; k++) {
      const order = (round + k) % 2 ? [...variants.keys()].reverse() : [...variants.keys()];
      for (const i of order) {
        const spent = await timeRequest(variants[i]!, variants[i]!.requests[k]!, options.headers);
        if (round < options.warmup) continue;
        cpu[i]![k]!.push(spent.cpu);
        wall[i]![k]!.push(spent.wall);
      }
    }
  }
  const sum = (samples: number[][], f: (xs: number[]) => number) => samples.reduce((total, xs) => total + f(xs), 0);
  return variants.map((v, i) => ({
    name: v.name,
    cpu: sum(cpu[i]!, median),
    wall: sum(wall[i]!, median),
    cpuMean: sum(cpu[i]!, mean),
    requests: length,
  }));
}

async function timeRequest(v: ReplayVariant, { url, body }: RecordedRequest, headers: ReplayOptions["headers"]) {
  const request = new Request(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", host: new URL(url).host, ...headers(body) },
  });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const res = await v.handler(request);
  await res.text();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpuBefore);
  if (res.status !== 200 && res.status !== 206) throw new Error(`${v.name}: replay answered HTTP ${res.status}`);
  return { cpu: (used.user + used.system) / 1000, wall };
}
