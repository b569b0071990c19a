/** Shown instead of run data when the Inngest API cannot be read; the rest of the page still works. */
export function ApiProblem({ error }: { error: unknown }) {
  return (
    <p className="notice notice--bad" role="alert">
      Runs could not be read from Inngest: {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
