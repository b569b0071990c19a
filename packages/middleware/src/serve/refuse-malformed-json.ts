/**
 * A 400 for a request to the Inngest endpoint whose body is not JSON, or undefined to let the
 * SDK handle it. The SDK's serve adapters parse the body before they check the signature and
 * answer a parse error with a 500, so garbage from anyone would read as a server fault (and
 * page whoever watches 5xx). An empty body passes: a PUT sync may carry none. Nothing of the
 * body is echoed back.
 */
export function refuseMalformedJson(body: string): Response | undefined {
  if (body.trim() === "") return undefined;
  try {
    JSON.parse(body);
    return undefined;
  } catch {
    return Response.json(
      { error: "The request body is not valid JSON: Inngest's requests to this endpoint are JSON objects." },
      { status: 400 },
    );
  }
}
