/** What one alert post came to: kept as the step's (encrypted) result, and logged when it failed. */
export type AlertOutcome = { ok: true; status: number } | { ok: false; status?: number; error?: string };

/** How long the team channel may take to answer an alert before it counts as down. */
const ALERT_TIMEOUT_MS = 10_000;

/**
 * Posts `{ text }` to the team channel from this process; call it inside `step.run`. The URL of a
 * Slack-style webhook is a credential, and so is the bearer token: neither may travel in a request
 * Inngest makes and records (a `step.fetch` is stored, URL and headers included, in the run's
 * trace). Never throws: the alert is best effort and the failure event has been sent already.
 * The channel's answer is not kept (only its status), so nothing it says reaches Inngest.
 */
export async function postTeamAlert(channel: { url: string; token?: string | undefined }, text: string): Promise<AlertOutcome> {
  try {
    const response = await fetch(channel.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(channel.token ? { authorization: `Bearer ${channel.token}` } : {}) },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(ALERT_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok ? { ok: true, status: response.status } : { ok: false, status: response.status };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.name : "Error" };
  }
}
