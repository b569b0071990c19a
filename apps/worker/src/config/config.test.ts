import { describe, expect, it } from "vitest";
import { clientDirectoryVar } from "./client-directory.ts";
import { cronZone, zonedCronVar } from "./cron.ts";
import { durationVar, formatDuration, parseDuration } from "./duration.ts";
import { rateVar } from "./rate.ts";
import { weekStarting } from "./week-starting.ts";

describe("durations", () => {
  it("parses Inngest's compact format", () => {
    expect(parseDuration("3d")).toEqual({ text: "3d", ms: 259_200_000 });
    expect(parseDuration("1h30m")).toEqual({ text: "1h30m", ms: 5_400_000 });
    expect(parseDuration("1w2d3h4m5s")?.ms).toBe(((7 + 2) * 24 * 3600 + 3 * 3600 + 4 * 60 + 5) * 1000);
    for (const bad of ["", "3 days", "1m1h", "0s", "-1d", "1.5h", "d"]) expect(parseDuration(bad)).toBeUndefined();
  });

  it("formats milliseconds back, at least one second", () => {
    expect(formatDuration(172_800_000)).toBe("2d");
    expect(formatDuration(93_600_000)).toBe("1d2h");
    expect(formatDuration(3_000)).toBe("3s");
    expect(formatDuration(10)).toBe("1s");
  });

  it("rejects a bad value with the accepted spelling", () => {
    const result = durationVar("3d").safeParse("3 days");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      '"3 days" is not a duration: use whole numbers with units w, d, h, m, s in that order, e.g. 3d, 12h, 90s or 1h30m',
    );
  });
});

describe("rates", () => {
  it("reads <calls>/<period>", () => {
    expect(rateVar("10/1m").parse("10/1m")).toEqual({ limit: 10, period: "1m", text: "10/1m" });
    expect(rateVar("10/1m").parse(" 600/1h ")).toEqual({ limit: 600, period: "1h", text: "600/1h" });
  });
  it.each(["10", "10/minute", "0/1m", "1.5/1m", "10/1m/2", "x/1m"])("rejects %j", (bad) => {
    expect(rateVar("10/1m").safeParse(bad).error?.issues[0]?.message).toMatch(/is not a rate: write <calls>\/<period>, e.g. 10\/1m/);
  });
});

describe("zoned cron", () => {
  it("accepts a 5-field schedule with an IANA zone", () => {
    expect(zonedCronVar.parse("TZ=Europe/London 0 9 * * MON")).toBe("TZ=Europe/London 0 9 * * MON");
    expect(cronZone("TZ=America/New_York 30 8 * * FRI")).toBe("America/New_York");
  });
  it("requires the zone, a real zone, and five fields", () => {
    const message = (v: string) => zonedCronVar.safeParse(v).error?.issues.map((i) => i.message).join("; ");
    expect(message("0 9 * * MON")).toMatch(/has no timezone: start it with TZ=<IANA zone>/);
    expect(message("TZ=Mars/Olympus 0 9 * * MON")).toMatch(/"Mars\/Olympus" is not an IANA timezone/);
    expect(message("TZ=Europe/London 0 9 * *")).toMatch(/is not a 5-field cron schedule/);
  });
});

describe("client directory", () => {
  it("reads clientId=email pairs; empty means none", () => {
    expect([...clientDirectoryVar.parse("a=x@a.example, b=y@b.example")]).toEqual([
      ["a", "x@a.example"],
      ["b", "y@b.example"],
    ]);
    expect(clientDirectoryVar.parse("").size).toBe(0);
  });
  it("names the bad entry", () => {
    const messages = clientDirectoryVar.safeParse("a=x@a.example,b,c=not-an-email,a=z@a.example").error?.issues.map((i) => i.message);
    expect(messages).toEqual([
      'entry 2 ("b") is not clientId=email, e.g. client_acme=ops@acme.example',
      'entry 3 ("c=not-an-email") is not clientId=email, e.g. client_acme=ops@acme.example',
      "entry 4 repeats client a; list each client once",
    ]);
  });
});

describe("weekStarting", () => {
  it("is the Monday of the week in the given zone", () => {
    // Monday 2027-03-29 09:00 in London (BST) is 08:00 UTC.
    expect(weekStarting(new Date("2027-03-29T08:00:00Z"), "Europe/London")).toBe("2027-03-29");
    expect(weekStarting(new Date("2027-04-04T12:00:00Z"), "Europe/London")).toBe("2027-03-29"); // Sunday
    // Sunday 23:30 UTC is already Monday in Tokyo.
    expect(weekStarting(new Date("2027-04-04T23:30:00Z"), "Asia/Tokyo")).toBe("2027-04-05");
  });
});
