import { Middleware, type Logger } from "inngest";

/**
 * Logs how long each step took: one `step finished` line per step attempt, with `step` (its id),
 * `stepType`, `durationMs` and `outcome` ("ok" or "error"), plus the run's ids from ctx.logger.
 *
 * THE EXAMPLE TO COPY when the apps need a new middleware. What it shows:
 * - A middleware is a class extending `Middleware.BaseMiddleware` with a readonly `id`. Register
 *   the class (not an instance) in createStudioClient's list; the SDK creates one instance per
 *   request, so fields on `this` are per-request state.
 * - Implement only the hooks you need; a hook you leave out costs nothing. `wrap*` hooks must call
 *   `next()` and return (or rethrow) its outcome; observe hooks (`on*`) must not throw.
 * - `wrapStepHandler` runs once per step attempt, only for steps that execute here (`step.run`,
 *   `step.sendEvent`), never for memoized ones. Use `wrapStep` to see every step, replays included.
 * - Hook arguments are read-only. `ctx` already holds what other middleware injected (here the
 *   run-bound `ctx.logger`), because every `transformFunctionInput` runs before any step.
 * - Never log inputs or outputs: they may be personal data, and the encryption middleware,
 *   innermost, only encrypts after this hook has seen the plaintext.
 * - Test it through a real function (src/middleware/step-timing-middleware.test.ts).
 */
export class StepTimingMiddleware extends Middleware.BaseMiddleware {
  readonly id = "studio:step-timing";

  override async wrapStepHandler({ ctx, next, stepInfo }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    const started = performance.now();
    let outcome: "ok" | "error" = "error";
    try {
      const output = await next();
      outcome = "ok";
      return output;
    } finally {
      // ctx is typed as the SDK's base context; the logger is always there (the SDK injects one).
      (ctx as unknown as { logger: Logger }).logger.info(
        {
          step: stepInfo.options.id,
          stepType: stepInfo.stepType,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          outcome,
        },
        "step finished",
      );
    }
  }
}
