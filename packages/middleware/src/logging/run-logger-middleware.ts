import { Middleware, ProxyLogger, type Logger } from "inngest";
import type { StudioLogger } from "./create-studio-logger.ts";
import { RUN_BOUND, runContext, type RunIds } from "./run-context.ts";

type RequestBody = { event?: { id?: unknown; name?: unknown }; ctx?: { attempt?: unknown } };

/** Reads the ids the executor sends with each request; absent fields stay undefined. */
function idsFromRequestBody(body: unknown): Partial<RunIds> {
  const { event, ctx } = (body ?? {}) as RequestBody;
  return {
    ...(typeof event?.id === "string" ? { eventId: event.id } : {}),
    ...(typeof event?.name === "string" ? { eventName: event.name } : {}),
    ...(typeof ctx?.attempt === "number" ? { attempt: ctx.attempt } : {}),
  };
}

/**
 * Gives every run a logger bound to its ids, as `ctx.logger`:
 * `{ appId, functionId, runId, eventId, eventName, attempt }` on every line (appId comes from the
 * root logger). Like the SDK's own logger it stays silent while memoized steps are replayed, so a
 * line is written once per run, not once per request.
 *
 * It also puts the ids in `runContext` for the whole request, so lines that do not go through
 * ctx.logger (the SDK's "Inngest function error", a module-level logger) carry them too.
 */
export function runLoggerMiddleware(root: StudioLogger) {
  return class RunLoggerMiddleware extends Middleware.BaseMiddleware {
    readonly id = "studio:run-logger";
    #ids: Partial<RunIds> = {};
    #logger: ProxyLogger | undefined;

    override async wrapRequest({ next, fn, runId, requestInfo }: Middleware.WrapRequestArgs): Promise<Middleware.Response> {
      if (!fn) return next();
      this.#ids = { functionId: fn.id(), runId, ...idsFromRequestBody(await requestInfo.body()) };
      return runContext.run(this.#ids, next);
    }

    override transformFunctionInput(
      arg: Middleware.TransformFunctionInputArgs,
    ): Middleware.TransformFunctionInputArgs & { ctx: { logger: Logger } } {
      const ids: RunIds = {
        functionId: arg.fn.id(),
        runId: arg.ctx.runId,
        eventId: arg.ctx.event?.id,
        eventName: arg.ctx.event?.name,
        attempt: arg.ctx.attempt,
      };
      // Completes what the request body did not carry (e.g. events fetched through the API).
      Object.assign(this.#ids, ids);
      const bound = root.child(ids);
      (bound as unknown as Record<symbol, unknown>)[RUN_BOUND] = true;
      this.#logger = new ProxyLogger(bound);
      return { ...arg, ctx: { ...arg.ctx, logger: this.#logger } };
    }

    override onMemoizationEnd(): void {
      this.#logger?.enable();
    }
  };
}
