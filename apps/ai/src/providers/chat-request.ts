/** One turn of a conversation with a model, provider-neutral. */
export interface ChatMessage {
  role: "user" | "assistant";
  text: string;
  /** An image for the model to look at (only sent to models with vision). */
  imageUrl?: string;
}

/** What the app asks a model, before it is shaped into a provider's request body. */
export interface ChatRequest {
  system: string;
  messages: ChatMessage[];
}

/** A model's answer, provider-neutral. */
export interface Completion {
  text: string;
  /** The provider stopped at the token limit: the answer is probably cut off. */
  truncated: boolean;
  /** The model name the provider reports (may be a dated snapshot of the requested one). */
  reportedModel?: string | undefined;
  inputTokens: number;
  outputTokens: number;
}
