import { describe, expect, it } from "vitest";
import { isPending, sentEvent } from "./sent-event.ts";
import { type ActivityEvent } from "./types.ts";

const listed = (id?: string): ActivityEvent => ({
  internalId: `01J${id ?? "none"}`,
  ...(id ? { id } : {}),
  name: "studio/brief.approved",
  receivedAt: "2026-11-25T10:00:00.000Z",
  data: {},
  dataSealed: false,
  runs: [],
});

describe("sentEvent", () => {
  it("is pending until Inngest lists the event the action sent", () => {
    const query = { sent: "approved", event: "studio/brief.approved@1:b1" };
    expect(sentEvent(query, [listed("studio/brief.submitted@1:b1")])).toEqual({ kind: "approved", recorded: false });
    expect(sentEvent(query, [listed("studio/brief.submitted@1:b1"), listed("studio/brief.approved@1:b1")])).toEqual({ kind: "approved", recorded: true });
  });

  it("does not wait when Inngest cannot be read or the redirect names no event", () => {
    expect(sentEvent({ sent: "approved", event: "x" }, undefined)?.recorded).toBe(true);
    expect(sentEvent({ sent: "approved" }, [])?.recorded).toBe(true);
    expect(sentEvent({ sent: "approved", event: "" }, [])?.recorded).toBe(true);
  });

  it("is nothing without ?sent=, and reads the first of repeated parameters", () => {
    expect(sentEvent({}, [])).toBeUndefined();
    expect(sentEvent({ sent: "" }, [])).toBeUndefined();
    expect(sentEvent({ sent: ["paid", "issued"], event: ["e1", "e2"] }, [listed("e1")])).toEqual({ kind: "paid", recorded: true });
  });

  it("isPending names the kind that is still being stored", () => {
    const pending = sentEvent({ sent: "approved", event: "e1" }, []);
    expect(isPending(pending, "approved")).toBe(true);
    expect(isPending(pending, "withdrawn")).toBe(false);
    expect(isPending(sentEvent({ sent: "approved", event: "e1" }, [listed("e1")]), "approved")).toBe(false);
    expect(isPending(undefined, "approved")).toBe(false);
  });
});
