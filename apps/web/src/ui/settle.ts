export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Awaits without throwing, so a page can show what it has when Inngest cannot be read. */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
