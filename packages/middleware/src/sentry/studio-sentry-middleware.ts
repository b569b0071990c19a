import { SentryMiddleware } from "@inngest/middleware-sentry";
import * as Sentry from "@sentry/core";
import type { Middleware } from "inngest";
import { sentryReady, whenSentryReady } from "./init-sentry.ts";

/** How long a request may wait for Sentry to deliver its events before answering Inngest. */
const FLUSH_TIMEOUT_MS = 2_000;

type StepInfo = Middleware.OnStepCompleteArgs["stepInfo"];

/**
 * `@inngest/middleware-sentry` with its defaults (report a run's error once, on its final attempt;
 * tags inngest.client.id / function.id / function.name / run.id / event.id / event.name; step
 * breadcrumbs), and changes that remove most of its cost on healthy requests (measured in
 * docs/benchmarks.md):
 *
 * - Flushing. The stock middleware awaits `Sentry.flush()` at the end of every request, and flush
 *   always waits at least one timer tick even with nothing queued. This one flushes only when the
 *   request may have queued an event: an error went through the run or a step, or the handler
 *   called a `capture*` function on `ctx.sentry`. That keeps the serverless guarantee (nothing
 *   captured is lost when the instance freezes). Capture through `ctx.sentry`, not a module
 *   import, inside functions.
 * - Lean mode, when tracing is off (no tracesSampleRate, our default). For every request the stock
 *   middleware starts a trace, a request span and a span per executed step, none of which is ever
 *   sent with tracing off, and forks Sentry's isolation scope to hold the run's tags and step
 *   breadcrumbs. In lean mode this one keeps the tags and breadcrumbs on the middleware instance
 *   (plain objects) and hands them to Sentry only when something is captured: its own reports
 *   and every `ctx.sentry.capture*` call run in a `withScope` that carries them. Nothing of
 *   Sentry's is touched by a request that captures nothing. With tracing on, the stock behaviour
 *   runs unchanged.
 */
export class StudioSentryMiddleware extends SentryMiddleware {
  protected override disableAutomaticFlush = true;
  #mayHaveCaptured = false;
  /** This request runs without the stock trace, spans and isolation scope (tracing is off). */
  #lean = false;
  /** Lean mode: the tags the stock middleware sets on its scope. */
  #tags: Record<string, string | undefined> = {};
  #transactionName = "";
  /** Lean mode: the breadcrumbs of this request's steps, in order. */
  #breadcrumbs: Sentry.Breadcrumb[] | undefined;

  constructor(...args: ConstructorParameters<typeof SentryMiddleware>) {
    super(...args);
    // With tracing off these two hooks have nothing to do (the event tags are taken in
    // transformFunctionInput instead). The SDK calls every hook an instance has, so remove them
    // from this instance rather than leave them as no-ops.
    if (!Sentry.hasSpansEnabled()) {
      for (const hook of ["wrapFunctionHandler", "onStepStart"]) {
        Object.defineProperty(this, hook, { value: undefined, configurable: true, writable: true });
      }
    }
  }

  override async wrapRequest(args: Middleware.WrapRequestArgs): Promise<Middleware.Response> {
    const { fn, runId, next } = args;
    this.#lean = fn !== null && !Sentry.hasSpansEnabled();
    try {
      if (!this.#lean || !fn) return await super.wrapRequest(args);
      this.#tags = {
        "inngest.client.id": this.client.id,
        "inngest.function.id": fn.id(this.client.id),
        "inngest.function.name": fn.name,
        "inngest.run.id": runId,
      };
      this.#transactionName = `inngest:${fn.name}`;
      return await next();
    } finally {
      if (this.#mayHaveCaptured) {
        // Sentry may still be starting (it loads in the background): what was captured is queued until then.
        await sentryReady();
        await Sentry.flush(FLUSH_TIMEOUT_MS);
      }
    }
  }

  override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
    if (this.#lean) {
      this.#tags["inngest.event.id"] = arg.ctx.event.id;
      this.#tags["inngest.event.name"] = arg.ctx.event.name;
    }
    const result = super.transformFunctionInput(arg);
    const sentry = new Proxy(result.ctx.sentry, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof prop !== "string" || !prop.startsWith("capture") || typeof value !== "function") return value;
        return (...args: unknown[]) => {
          this.#mayHaveCaptured = true;
          const capture = () => (value as (...a: unknown[]) => unknown)(...args);
          if (!this.#lean) return capture();
          // While Sentry starts the capture is queued (and the event id it would return is not known yet).
          let result: unknown;
          whenSentryReady(() => (result = this.#withRunScope(capture)));
          return result;
        };
      },
    });
    return { ...result, ctx: { ...result.ctx, sentry } };
  }

  override onStepComplete(arg: Middleware.OnStepCompleteArgs): void {
    if (this.#lean) this.#stepBreadcrumb(arg.stepInfo, "info");
    else super.onStepComplete(arg);
  }

  override onStepError(arg: Middleware.OnStepErrorArgs): void {
    this.#mayHaveCaptured = true;
    if (!this.#lean) return super.onStepError(arg);
    this.#stepBreadcrumb(arg.stepInfo, "error");
    if (this.captureStepErrors && (!this.onlyCaptureFinalAttempt || arg.isFinalAttempt)) {
      this.#capture(arg.error, { "inngest.error.source": "step", "inngest.step.name": stepName(arg.stepInfo) });
    }
  }

  override onRunError(arg: Middleware.OnRunErrorArgs): void {
    this.#mayHaveCaptured = true;
    if (!this.#lean) return super.onRunError(arg);
    if (!this.onlyCaptureFinalAttempt || arg.isFinalAttempt) this.#capture(arg.error, { "inngest.error.source": "run" });
  }

  /** The stock capture, with the run's tags on the event as the stock middleware sets them. */
  #capture(error: unknown, tags: Record<string, string>): void {
    const runTags = { ...this.#tags, ...tags };
    whenSentryReady(() =>
      this.#withRunScope((scope) => {
        scope.setTags(tags);
        Sentry.captureException(error, { tags: runTags });
      }),
    );
  }

  /** Runs `fn` in a scope holding what the stock middleware keeps on its isolation scope. */
  #withRunScope<T>(fn: (scope: Sentry.Scope) => T): T {
    return Sentry.withScope((scope) => {
      scope.setTags(this.#tags);
      scope.setTransactionName(this.#transactionName);
      for (const crumb of this.#breadcrumbs ?? []) scope.addBreadcrumb(crumb);
      return fn(scope);
    });
  }

  /** The breadcrumb the stock middleware adds to its scope (scrubbed with the event, in beforeSend). */
  #stepBreadcrumb(stepInfo: StepInfo, level: "info" | "error"): void {
    (this.#breadcrumbs ??= []).push({
      category: "inngest.step",
      message: stepName(stepInfo),
      data: { type: String(stepInfo.stepType) },
      level,
      timestamp: Date.now() / 1000,
    });
  }
}

const stepName = (stepInfo: StepInfo) => stepInfo.options.name ?? stepInfo.options.id;
