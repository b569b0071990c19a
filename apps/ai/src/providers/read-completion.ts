import { z } from "zod";
import type { Completion } from "./chat-request.ts";
import type { WireFormat } from "./request-body.ts";

// Only the fields the app reads; providers add many more, which are ignored.
const openAiChatResponse = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.union([z.string(), z.null(), z.array(z.object({ type: z.string(), text: z.string().optional() }))]).optional(),
          refusal: z.string().nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() }).nullish(),
});

const anthropicResponse = z.object({
  type: z.literal("message"),
  model: z.string().optional(),
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  stop_reason: z.string().nullish(),
  usage: z.object({ input_tokens: z.number().optional(), output_tokens: z.number().optional() }).nullish(),
});

/** Thrown when a 2xx response is not a chat answer at all (a misconfigured URL, a proxy's HTML page...). */
export class UnreadableResponseError extends Error {
  override name = "UnreadableResponseError";
}

/** Reads a provider's native response into a Completion. */
export function readCompletion(format: WireFormat, response: unknown): Completion {
  if (format === "anthropic") {
    const parsed = anthropicResponse.safeParse(response);
    if (!parsed.success) throw unreadable(format, parsed.error);
    const r = parsed.data;
    return {
      text: r.content.map((block) => (block.type === "text" ? (block.text ?? "") : "")).join(""),
      truncated: r.stop_reason === "max_tokens",
      reportedModel: r.model,
      inputTokens: r.usage?.input_tokens ?? 0,
      outputTokens: r.usage?.output_tokens ?? 0,
    };
  }
  const parsed = openAiChatResponse.safeParse(response);
  if (!parsed.success) throw unreadable(format, parsed.error);
  const r = parsed.data;
  const choice = r.choices[0]!;
  const content = choice.message.content;
  const text = typeof content === "string" ? content : Array.isArray(content) ? content.map((part) => part.text ?? "").join("") : "";
  return {
    // A refusal is not an answer; passing it on lets the repair step (and the logs) show it.
    text: text || (choice.message.refusal ? `(refused: ${choice.message.refusal})` : ""),
    truncated: choice.finish_reason === "length",
    reportedModel: r.model,
    inputTokens: r.usage?.prompt_tokens ?? 0,
    outputTokens: r.usage?.completion_tokens ?? 0,
  };
}

function unreadable(format: WireFormat, error: z.ZodError) {
  const where = error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).slice(0, 5).join("; ");
  return new UnreadableResponseError(`The provider's answer is not a ${format} response (${where}); check the base URL and model`);
}
