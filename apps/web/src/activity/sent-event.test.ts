import { describe, expect, it } from "vitest";
import { sentEvent } from "./sent-event.ts";

describe("sentEvent", () => {
  it("confirms what the last form sent", () => {
    const query = { sent: "approved", event: "studio/brief.approved@1:b1" };
    expect(sentEvent(query, [{ eventId: "studio/brief.approved@1:b1", status: "sent" }])).toEqual({ kind: "approved" });
    expect(sentEvent({ sent: "approved" }, [])).toEqual({ kind: "approved" });
  });

  it("confirms nothing for an event that was recorded but not sent", () => {
    expect(sentEvent({ sent: "approved", event: "e1" }, [{ eventId: "e1", status: "failed" }])).toBeUndefined();
    expect(sentEvent({ sent: "approved", event: "e1" }, [{ eventId: "e1", status: "pending" }])).toBeUndefined();
  });

  it("is nothing without ?sent=, and reads the first of repeated parameters", () => {
    expect(sentEvent({}, [])).toBeUndefined();
    expect(sentEvent({ sent: "" }, [])).toBeUndefined();
    expect(sentEvent({ sent: ["paid", "issued"], event: ["e1", "e2"] }, [{ eventId: "e2", status: "failed" }])).toEqual({ kind: "paid" });
  });
});
