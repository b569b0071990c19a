import type { ChatRequest } from "../providers/chat-request.ts";

/**
 * The follow-up turn after a malformed answer: the model sees its own answer and exactly what was
 * wrong with it, and is asked for the corrected JSON only.
 */
export function withRepairTurn(request: ChatRequest, badAnswer: string, problems: readonly string[]): ChatRequest {
  const listed = problems.map((p) => `- ${p}`).join("\n");
  return {
    ...request,
    messages: [
      ...request.messages,
      // An empty assistant turn is rejected by some providers; keep a marker instead.
      { role: "assistant", text: badAnswer.trim() || "(empty answer)" },
      {
        role: "user",
        text: `Your answer could not be used:\n${listed}\nReply again with the corrected JSON object only, following the required fields exactly.`,
      },
    ],
  };
}
