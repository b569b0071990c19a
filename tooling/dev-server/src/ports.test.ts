import net from "node:net";
import { describe, expect, it } from "vitest";
import { assertPortFree, freePort, isPortFree, reservePort } from "./ports.ts";

describe("ports", () => {
  it("finds a free port and sees it taken once something listens", async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
    try {
      expect(await isPortFree(port)).toBe(false);
      await expect(assertPortFree(port, "web app")).rejects.toThrow(`Port ${port} (web app) is already in use`);
    } finally {
      server.close();
    }
  });

  it("holds a reserved port until it is released, so nothing else can take it meanwhile", async () => {
    const { port, release } = await reservePort();
    expect(await isPortFree(port)).toBe(false);
    await release();
    await release(); // twice is harmless (the stack releases it again when it stops)
    expect(await isPortFree(port)).toBe(true);
  });
});
