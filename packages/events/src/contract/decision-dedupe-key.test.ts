import { describe, expect, it } from "vitest";
import { briefApproved } from "../events/brief-approved.ts";
import { briefWithdrawn } from "../events/brief-withdrawn.ts";
import { invoicePaid } from "../events/invoice-paid.ts";
import { dedupeId } from "./dedupe-id.ts";

const decisions = [
  ["studio/brief.approved", (decisionId?: string) => dedupeId(briefApproved, { briefId: "b:1", approvedBy: "op", decisionId })],
  ["studio/brief.withdrawn", (decisionId?: string) => dedupeId(briefWithdrawn, { briefId: "b:1", decisionId })],
  ["studio/invoice.paid", (decisionId?: string) => dedupeId(invoicePaid, { invoiceId: "b:1", paidAt: "2027-04-12T09:30:00Z", decisionId })],
] as const;

describe.each(decisions)("%s dedupe id", (name, idOf) => {
  it("is the same for a re-send of one decision, so Inngest drops the repeat", () => {
    expect(idOf("decision_a")).toBe(idOf("decision_a"));
  });

  it("differs between two decisions about the same subject, so the second is delivered", () => {
    expect(idOf("decision_a")).not.toBe(idOf("decision_b"));
  });

  it("without a decision id stays what producers before the field sent (one per subject)", () => {
    expect(idOf()).toBe(`${name}@1:b%3A1`);
    expect(idOf("d:1")).toBe(`${name}@1:b%3A1:d%3A1`);
  });
});
