import { describe, expect, it } from "vitest";
import { routeOf } from "./route-of.ts";

describe("routeOf", () => {
  // The routes `vercel build` writes for a Hono app (58.10.0).
  const routes = [{ handle: "error" }, { status: 404, src: "^(?!/api).*$", dest: "/404.html" }, { handle: "filesystem" }, { src: "/(.*)", dest: "/" }];

  it("sends /api paths to the function and answers anything else with the 404 page", () => {
    expect(routeOf(routes, "/api/inngest")).toEqual({ dest: "/" });
    expect(routeOf(routes, "/health")).toEqual({ dest: "/404.html", status: 404 });
  });

  it("skips routes that continue, and says when nothing matches", () => {
    expect(routeOf([{ src: "/(.*)", dest: "/x", continue: true }], "/a")).toBeUndefined();
  });
});
