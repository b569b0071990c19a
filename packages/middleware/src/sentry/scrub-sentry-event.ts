import type { Breadcrumb, Event, StackFrame } from "@sentry/core";
import { scrubLogFields } from "../logging/scrub-log-fields.ts";
import { scrubStrings } from "../secrets/scrub-strings.ts";
import { declareSecretValues, liveSecretReplacer } from "../secrets/secret-registry.ts";

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
/** Request headers worth keeping: they help debugging and identify nobody. */
const SAFE_HEADERS = new Set(["content-type", "content-length", "user-agent", "x-inngest-sdk", "x-inngest-server-kind"]);
/** The Sentry middleware copies the whole (decrypted) event into this span attribute. */
export const EVENT_ATTRIBUTE = "inngest.event";

export type TextScrubber = (text: string) => string;

/**
 * Replaces e-mail addresses and secret values in free text (messages, error values): the given
 * ones and every other secret declared in the process (see secret-registry.ts).
 */
export function textScrubber(secrets: readonly (string | undefined)[]): TextScrubber {
  declareSecretValues(secrets);
  const replaceSecrets = liveSecretReplacer();
  return (text) => replaceSecrets(text.replace(EMAIL, "[email]"));
}

/** Field-name scrubbing (as for logs) followed by free-text scrubbing of every string. */
function scrubData<T>(value: T, scrubText: TextScrubber): T {
  return scrubStrings(scrubLogFields(value), scrubText);
}

export function scrubBreadcrumb(crumb: Breadcrumb, scrubText: TextScrubber): Breadcrumb {
  return {
    ...crumb,
    ...(crumb.message !== undefined ? { message: scrubText(crumb.message) } : {}),
    ...(crumb.data !== undefined ? { data: scrubData(crumb.data, scrubText) } : {}),
  };
}

/** Source lines around a frame can hold literals; local variables are dropped altogether. */
function scrubFrame(frame: StackFrame, scrubText: TextScrubber): StackFrame {
  const { vars: _vars, ...rest } = frame;
  return {
    ...rest,
    ...(frame.context_line !== undefined ? { context_line: scrubText(frame.context_line) } : {}),
    ...(frame.pre_context ? { pre_context: frame.pre_context.map(scrubText) } : {}),
    ...(frame.post_context ? { post_context: frame.post_context.map(scrubText) } : {}),
  };
}

/**
 * Removes personal data from a Sentry event before it leaves the process (used as `beforeSend`
 * and `beforeSendTransaction`). Sentry is for finding bugs, not people, so:
 * - `user` keeps only an id; the request keeps method, URL without query and a few safe headers
 *   (no body: that is the Inngest event, no cookies, no auth or signature headers);
 * - messages, exception values, source lines of stack frames, breadcrumbs, extra data and
 *   contexts lose e-mail addresses, the app's secret values, fields named like secrets, and
 *   encrypted payloads; stack frames lose local variables;
 * - the `inngest.event` span attribute (the whole event, decrypted) is dropped.
 * Tags (app, function, run and event ids) are kept: they are how an error is traced to its run.
 */
export function scrubSentryEvent<E extends Event>(event: E, scrubText: TextScrubber): E {
  const out: E = { ...event };
  if (out.user) out.user = out.user.id !== undefined ? { id: out.user.id } : {};
  if (out.request) {
    const { method, url, headers } = out.request;
    out.request = {
      ...(method ? { method } : {}),
      ...(url ? { url: url.split("?")[0] } : {}),
      ...(headers
        ? { headers: Object.fromEntries(Object.entries(headers).filter(([name]) => SAFE_HEADERS.has(name.toLowerCase()))) }
        : {}),
    };
  }
  if (out.message) out.message = scrubText(out.message);
  if (out.logentry?.message) out.logentry = { ...out.logentry, message: scrubText(out.logentry.message) };
  if (out.exception?.values) {
    out.exception = {
      values: out.exception.values.map((ex) => ({
        ...ex,
        ...(ex.value !== undefined ? { value: scrubText(ex.value) } : {}),
        ...(ex.stacktrace?.frames ? { stacktrace: { ...ex.stacktrace, frames: ex.stacktrace.frames.map((f) => scrubFrame(f, scrubText)) } } : {}),
      })),
    };
  }
  if (out.breadcrumbs) out.breadcrumbs = out.breadcrumbs.map((crumb) => scrubBreadcrumb(crumb, scrubText));
  if (out.extra) out.extra = scrubData(out.extra, scrubText);
  if (out.contexts) {
    const contexts = scrubData(out.contexts, scrubText);
    const traceData = contexts.trace?.data;
    if (traceData && EVENT_ATTRIBUTE in traceData) {
      const { [EVENT_ATTRIBUTE]: _dropped, ...rest } = traceData;
      contexts.trace = { ...contexts.trace, data: rest } as typeof contexts.trace;
    }
    out.contexts = contexts;
  }
  if (out.spans) {
    out.spans = out.spans.map((span) => {
      if (!span.data || !(EVENT_ATTRIBUTE in span.data)) return span;
      const { [EVENT_ATTRIBUTE]: _dropped, ...rest } = span.data;
      return { ...span, data: rest };
    });
  }
  return out;
}
