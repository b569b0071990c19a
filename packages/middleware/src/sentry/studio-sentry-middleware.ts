import { SentryMiddleware } from "@inngest/middleware-sentry";
import * as Sentry from "@sentry/core";
import type { Middleware } from "inngest";

/** How long a request may wait for Sentry to deliver its events before answering Inngest. */
const FLUSH_TIMEOUT_MS = 2_000;

/**
 * `@inngest/middleware-sentry` with its defaults (report a run's error once, on its final attempt;
 * tags inngest.client.id / function.id / run.id / event.id), and changes that remove most of its
 * cost on healthy requests (measured in docs/benchmarks.md):
 *
 * - Flushing. The stock middleware awaits `Sentry.flush()` at the end of every request, and flush
 *   always waits at least one timer tick even with nothing queued. This one flushes only when the
 *   request may have queued an event: an error went through the run or a step, or the handler
 *   called a `capture*` function on `ctx.sentry`. That keeps the serverless guarantee (nothing
 *   captured is lost when the instance freezes). Capture through `ctx.sentry`, not a module
 *   import, inside functions.
 * - Spans. For every request the stock middleware starts a trace and a request span, and a span
 *   per executed step. With tracing off (no tracesSampleRate, our default) none of them is ever
 *   sent, yet they are most of its cost. Then this one only opens the isolation scope and sets the
 *   same tags on it (client, function, run, event), and records step breadcrumbs (the trail shown
 *   with an error) itself. With tracing on, the stock behaviour runs unchanged.
 */
export class StudioSentryMiddleware extends SentryMiddleware {
  protected override disableAutomaticFlush = true;
  #mayHaveCaptured = false;
  /** This request runs without the stock trace and span set-up (tracing is off). */
  #lean = false;

  constructor(...args: ConstructorParameters<typeof SentryMiddleware>) {
    super(...args);
    // With tracing off, these two hooks have nothing to do (the event tags are set in
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
      return await Sentry.withIsolationScope((scope) => {
        scope.setTags({
          "inngest.client.id": this.client.id,
          "inngest.function.id": fn.id(this.client.id),
          "inngest.function.name": fn.name,
          "inngest.run.id": runId,
        });
        scope.setTransactionName(`inngest:${fn.name}`);
        return next();
      });
    } finally {
      if (this.#mayHaveCaptured) await Sentry.flush(FLUSH_TIMEOUT_MS);
    }
  }


  override onStepComplete(arg: Middleware.OnStepCompleteArgs): void {
    super.onStepComplete(arg);
    if (this.#lean) this.#stepBreadcrumb(arg.stepInfo, "info");
  }

  override onStepError(arg: Middleware.OnStepErrorArgs): void {
    this.#mayHaveCaptured = true;
    super.onStepError(arg);
    if (this.#lean) this.#stepBreadcrumb(arg.stepInfo, "error");
  }

  /** The breadcrumb the stock middleware adds to its own scope, added to ours. */
  #stepBreadcrumb(stepInfo: Middleware.OnStepCompleteArgs["stepInfo"], level: "info" | "error"): void {
    Sentry.addBreadcrumb({
      category: "inngest.step",
      message: stepInfo.options.name ?? stepInfo.options.id,
      data: { type: String(stepInfo.stepType) },
      level,
    });
  }

  override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
    if (this.#lean) {
      // Runs inside wrapRequest's isolation scope, as the stock wrapFunctionHandler did.
      Sentry.getIsolationScope().setTags({ "inngest.event.id": arg.ctx.event.id, "inngest.event.name": arg.ctx.event.name });
    }
    const result = super.transformFunctionInput(arg);
    const sentry = new Proxy(result.ctx.sentry, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof prop !== "string" || !prop.startsWith("capture") || typeof value !== "function") return value;
        return (...args: unknown[]) => {
          this.#mayHaveCaptured = true;
          return (value as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
    return { ...result, ctx: { ...result.ctx, sentry } };
  }

  override onRunError(arg: Middleware.OnRunErrorArgs): void {
    this.#mayHaveCaptured = true;
    super.onRunError(arg);
  }
}
