/** Turns a failed send into a sentence an operator can act on. */
export function sendFailureMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `The event was not sent: Inngest did not accept it (${reason}). ` +
    "Locally, check that the Dev Server is running (`pnpm dev` starts it); in production, check INNGEST_EVENT_KEY. Nothing was sent, so it is safe to try again."
  );
}
