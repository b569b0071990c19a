import { SentryMiddleware } from "@inngest/middleware-sentry";
import * as Sentry from "@sentry/core";
import type { Middleware } from "inngest";

/** How long a request may wait for Sentry to deliver its events before answering Inngest. */
const FLUSH_TIMEOUT_MS = 2_000;

/**
 * `@inngest/middleware-sentry` with its defaults (report a run's error once, on its final attempt;
 * tags inngest.client.id / function.id / run.id / event.id) and one change to flushing.
 *
 * The stock middleware awaits `Sentry.flush()` at the end of every request, and flush always
 * waits at least one timer tick even with nothing queued: on a step-heavy run that is most of the
 * middleware's cost. This one flushes only when the request may have queued an event: an error
 * went through the run or a step, or the handler called a `capture*` function on `ctx.sentry`.
 * That keeps the serverless guarantee (nothing captured is lost when the instance freezes) at no
 * cost for healthy requests. Capture through `ctx.sentry`, not a module import, inside functions.
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

  override onRunError(arg: Middleware.OnRunErrorArgs): void {
    this.#mayHaveCaptured = true;
    super.onRunError(arg);
  }

  override onStepError(arg: Middleware.OnStepErrorArgs): void {
    this.#mayHaveCaptured = true;
    super.onStepError(arg);
  }
}
