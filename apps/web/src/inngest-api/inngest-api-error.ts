/** A failed call to the Inngest REST API; the message says which call, what came back, and what to check. */
export class InngestApiError extends Error {
  override name = "InngestApiError";
  readonly status: number | undefined;
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}
