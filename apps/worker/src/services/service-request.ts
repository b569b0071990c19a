/** One HTTP call to an outside service, described as data so it can be sent in a step or by Inngest. */
export type ServiceRequest = {
  /** Name used in errors and logs: "webhook", "email", "rendition". */
  readonly service: string;
  readonly url: string;
  readonly method: "POST";
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

/** A JSON POST with an optional bearer credential. */
export function jsonPost(service: string, url: string, payload: unknown, bearer?: string): ServiceRequest {
  return {
    service,
    url,
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(payload),
  };
}
