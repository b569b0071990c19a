import { EncryptionService, encryptionMiddleware, isEncryptedValue, isV0EncryptedValue } from "@inngest/middleware-encryption";
import type { Logger, Middleware } from "inngest";
import { scrubError } from "../secrets/scrub-error.ts";
import type { SecretReplacer } from "../secrets/secret-replacer.ts";
import { scrubStrings } from "../secrets/scrub-strings.ts";
import type { EncryptionKeys } from "./resolve-encryption-keys.ts";
import { StudioEncryptionService } from "./studio-encryption-service.ts";

type ExecutionRequestBody = { steps?: unknown; ctx?: { fn_id?: unknown; disable_immediate_execution?: unknown } };

/** True when one of an event's top-level data fields is an encrypted envelope (what the stock hook decrypts). */
function hasEncryptedField(data: unknown): boolean {
  if (typeof data !== "object" || data === null) return false;
  for (const value of Object.values(data)) if (isEncryptedValue(value) || isV0EncryptedValue(value)) return true;
  return false;
}

/**
 * Whether a step's data can reach wrapStep still encrypted in this request. Stored outputs are
 * decrypted up front (transformFunctionInput); what is left is an output produced in this very
 * request that the function then reads, which only happens when the SDK checkpoints (it runs on
 * after a step instead of answering). It never checkpoints an execution request without `fn_id`
 * or with `disable_immediate_execution` (InngestFunction.shouldAsyncCheckpoint). Anything else,
 * including a body we do not recognise, keeps wrapStep.
 */
function needsWrapStep(body: unknown): boolean {
  const { steps, ctx } = (body ?? {}) as ExecutionRequestBody;
  if (typeof steps !== "object" || steps === null || typeof ctx !== "object" || ctx === null) return true;
  return typeof ctx.fn_id === "string" && ctx.fn_id !== "" && ctx.disable_immediate_execution !== true;
}

/**
 * The encryption middleware with our keys and error messages. Encrypts step outputs, the
 * function's return value, `step.invoke` data.encrypted and `data.encrypted` of every event sent
 * (inngest.send and step.sendEvent); decrypts them on the way back in. Other event fields stay
 * plaintext: put anything personal under `data.encrypted`.
 *
 * One addition to the stock middleware: stored step outputs that arrive with the request are
 * decrypted up front, in transformFunctionInput, instead of one by one in wrapStep. Same work,
 * but a value no key can open then fails the request cleanly (a retriable error naming the keys,
 * the run's final attempt fails with it) instead of hitting an inngest 4.24 bug: a wrapStep that
 * rejects for a memoized step leaves an unhandled rejection and a request that never answers.
 * Outputs produced within the same request (checkpointing) are still decrypted by wrapStep; they
 * were just encrypted with our own key, so that cannot fail.
 *
 * Given `scrub` (the app's secret values), it is also the last stop before data leaves: secret
 * values are replaced in step outputs and the function result (before encryption), in the errors
 * of steps and runs (before the SDK serialises them into the run's history), and in every field
 * of a sent event.
 */
export function createEncryptionMiddleware(
  { key, fallbackKeys }: Pick<EncryptionKeys, "key" | "fallbackKeys">,
  logger?: Logger,
  scrub?: SecretReplacer,
): Middleware.Class {
  const service = new StudioEncryptionService([key, ...fallbackKeys], scrub ? { scrub } : {});
  /** Runs a hook's `next`, scrubbing the error it fails with. */
  const scrubbingErrors = scrub
    ? async (next: () => Promise<unknown>) => {
        try {
          return await next();
        } catch (error) {
          throw scrubError(error, scrub);
        }
      }
    : (next: () => Promise<unknown>) => next();
  const Stock = encryptionMiddleware({ key, fallbackDecryptionKeys: fallbackKeys, encryptionService: service });
  /** The stock middleware's envelope, same field order. */
  const envelope = async (value: unknown) => ({
    [EncryptionService.ENCRYPTION_MARKER]: true,
    [EncryptionService.STRATEGY_MARKER]: service.identifier,
    data: service.encryptNow(value) ?? (await service.encrypt(value)),
  });

  return class StudioEncryptionMiddleware extends Stock {
    readonly id = "studio:encryption";

    /**
     * Drops this request's wrapStep when no step can reach the function still encrypted (see
     * needsWrapStep). The SDK runs every defined wrapStep for every step of every request, replays
     * included, each inside its own AsyncLocalStorage scope: about 4% of a step-heavy run's CPU for
     * a hook that would only hand back the plaintext it was given. The SDK reads the hook when it
     * builds each step's chain, which happens after this.
     */
    override async wrapRequest({ next, fn, requestInfo }: Middleware.WrapRequestArgs): Promise<Middleware.Response> {
      if (fn && !needsWrapStep(await requestInfo.body())) {
        Object.defineProperty(this, "wrapStep", { value: undefined, configurable: true, writable: true });
      }
      return next();
    }

    override async transformFunctionInput(arg: Middleware.TransformFunctionInputArgs): Promise<Middleware.TransformFunctionInputArgs> {
      try {
        // The stock hook copies the event and awaits a decryption per top-level data field, all
        // of them: only call it when some field is actually encrypted.
        const { event, events } = arg.ctx;
        const eventsEncrypted = hasEncryptedField(event?.data) || (events ?? []).some((e) => hasEncryptedField(e.data));
        const withEvents = eventsEncrypted ? ((await super.transformFunctionInput?.(arg)) ?? arg) : arg;
        const steps = { ...withEvents.steps };
        const misses: Promise<void>[] = [];
        for (const id in steps) {
          const step = steps[id]!;
          if (step.type !== "data") continue;
          // The legacy v0 (AES) format is left to the stock wrapStep: keep it for this request.
          if (isV0EncryptedValue(step.data)) delete (this as { wrapStep?: unknown }).wrapStep;
          if (!isEncryptedValue(step.data)) continue;
          const ciphertext = step.data.data;
          const cached = service.cachedPlaintext(ciphertext);
          if (cached) steps[id] = { type: "data", data: cached.value };
          else misses.push(service.decrypt(ciphertext).then((data) => void (steps[id] = { type: "data", data })));
        }
        if (misses.length) await Promise.all(misses);
        return { ...withEvents, steps };
      } catch (err) {
        // The SDK reports this as the attempt's error but runs no error hook for it: log it here.
        logger?.error({ err }, "cannot decrypt the run's event or stored step data");
        throw err;
      }
    }

    // The stock hooks below are compiled to generator-based async functions that go through a
    // shared encryptValue; these do the same (null and undefined stay as they are) directly.

    /** Encrypts the function's return value. */
    override async wrapFunctionHandler({ next }: Middleware.WrapFunctionHandlerArgs): Promise<unknown> {
      const output = await scrubbingErrors(next);
      return output === undefined || output === null ? output : envelope(output);
    }

    /** Encrypts a step's output before it is sent to Inngest. */
    override async wrapStepHandler({ next }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
      const output = await scrubbingErrors(next);
      return output === undefined || output === null ? output : envelope(output);
    }

    /** Encrypts data.encrypted of each event (the stock hook), after blanking secrets in all its fields. */
    override transformSendEvent(arg: Middleware.TransformSendEventArgs) {
      if (!scrub) return super.transformSendEvent!(arg);
      return super.transformSendEvent!({ ...arg, events: arg.events.map((event) => scrubStrings(event, scrub)) });
    }

    // The two hooks below run for every step of every request, replays included. The stock ones
    // are compiled to generator-based async functions; these do the same with one fast path.

    /** Only `step.invoke` input is encrypted here (its data.encrypted); other steps pass through. */
    override transformStepInput(arg: Middleware.TransformStepInputArgs) {
      return arg.stepInfo.stepType === "invoke" ? super.transformStepInput!(arg) : arg;
    }

    /** Decrypts a step's data on its way to the handler (stored data arrives here already decrypted). */
    override async wrapStep(args: Middleware.WrapStepArgs): Promise<unknown> {
      const data = await args.next();
      if (isEncryptedValue(data)) return service.decrypt(data.data);
      // The legacy v0 (AES) format is left to the stock hook.
      if (isV0EncryptedValue(data)) return super.wrapStep!({ ...args, next: () => Promise.resolve(data) });
      return data;
    }
  };
}
