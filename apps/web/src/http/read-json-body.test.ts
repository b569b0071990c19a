import { describe, expect, it } from "vitest";
import { readJsonBody } from "./read-json-body.ts";

const request = (body: BodyInit, headers: Record<string, string>) => new Request("http://web.test/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
const status = (r: Awaited<ReturnType<typeof readJsonBody>>) => (r.ok ? 200 : r.response.status);

describe("reading a JSON body", () => {
  it("reads JSON sent as application/json (with a charset too)", async () => {
    const read = await readJsonBody(request('{"a":1}', { "content-type": "application/json; charset=utf-8" }), { example: "{}" });
    expect(read).toEqual({ ok: true, text: '{"a":1}', value: { a: 1 } });
  });

  it("answers 415 for any other content type, JSON inside or not", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const read = await readJsonBody(request('{"a":1}', type ? { "content-type": type } : {}), { example: "{}" });
      expect(status(read)).toBe(415);
    }
  });

  it("answers 413 past the limit, by Content-Length or by the bytes received, before parsing", async () => {
    expect(status(await readJsonBody(request("{}", { "content-type": "application/json", "content-length": "2000001" }), { example: "{}" }))).toBe(413);
    // A streamed body with no length: counted while reading, and the read is abandoned past the limit.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const read = await readJsonBody(request(endless, { "content-type": "application/json" }), { maxBytes: 1_000_000, example: "{}" });
    expect(status(read)).toBe(413);
    expect(pulled).toBeLessThan(20); // it stopped at ~1 MB of an endless body
  });

  it("answers 400 with the example when the body does not parse", async () => {
    const read = await readJsonBody(request("{nope", { "content-type": "application/json" }), { example: '{"text": "hi"}' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(await read.response.json()).toEqual({ error: expect.stringContaining('{"text": "hi"}') as unknown });
  });
});
