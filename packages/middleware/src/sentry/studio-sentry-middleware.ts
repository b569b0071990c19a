import { SentryMiddleware } from "@inngest/middleware-sentry";
import * as Sentry from "@sentry/core";
import type { Middleware } from "inngest";

/** How long a request may wait for Sentry to deliver its events before answering Inngest. */
const FLUSH_TIMEOUT_MS = 2_000;

/**
 * `@inngest/middleware-sentry` with its defaults (report a run's error once, on its final attempt;
 * tags inngest.client.id / function.id / run.id / event.id), and two changes that remove most of
 * its cost on healthy requests (measured in docs/benchmarks.md):
 *
 * - Flushing. The stock middleware awaits `Sentry.flush()` at the end of every request, and flush
 *   always waits at least one timer tick even with nothing queued. This one flushes only when the
 *   request may have queued an event: an error went through the run or a step, or the handler
 *   called a `capture*` function on `ctx.sentry`. That keeps the serverless guarantee (nothing
 *   captured is lost when the instance freezes). Capture through `ctx.sentry`, not a module
 *   import, inside functions.
 * - Step spans. The stock middleware opens a span per executed step; with tracing off (no
 *   tracesSampleRate, our default) those spans are never sent, yet opening one costs about as much
 *   as the rest of the request's Sentry work. They are skipped unless tracing is on. Step
 *   breadcrumbs (the trail shown with an error) are kept.
 */
export class StudioSentryMiddleware extends SentryMiddleware {
  protected override disableAutomaticFlush = true;
  #mayHaveCaptured = false;

  override async wrapRequest(args: Middleware.WrapRequestArgs): Promise<Middleware.Response> {
    try {
      return await super.wrapRequest(args);
    } finally {
      if (this.#mayHaveCaptured) await Sentry.flush(FLUSH_TIMEOUT_MS);
    }
  }

  override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
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

  override onStepStart(arg: Middleware.OnStepStartArgs): void {
    if (Sentry.hasSpansEnabled()) super.onStepStart(arg);
  }

  override onRunError(arg: Middleware.OnRunErrorArgs): void {
    this.#mayHaveCaptured = true;
    super.onRunError(arg);
  }

  override onStepError(arg: Middleware.OnStepErrorArgs): void {
    this.#mayHaveCaptured = true;
    super.onStepError(arg);
  }
}
