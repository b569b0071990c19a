import { describe, expect, it } from "vitest";
import { localToInstant, readForm, toMinorUnits } from "./read-form.ts";

describe("reading form inputs", () => {
  it("turns typed amounts into minor units, refusing anything ambiguous", () => {
    expect(toMinorUnits("12500")).toBe(1_250_000);
    expect(toMinorUnits("12500.5")).toBe(1_250_050);
    expect(toMinorUnits("12 500,50")).toBe(1_250_050);
    expect(toMinorUnits("0.07")).toBe(7);
    for (const bad of ["", "12.345", "-5", "1e3", "12,500.00", "abc"]) expect(toMinorUnits(bad)).toBeUndefined();
  });

  it("reads datetime-local values at the browser's offset and refuses days that do not exist", () => {
    expect(localToInstant("2027-04-01T09:00", -120)?.toISOString()).toBe("2027-04-01T07:00:00.000Z");
    expect(localToInstant("2027-04-01T09:00:30", 300)?.toISOString()).toBe("2027-04-01T14:00:30.000Z");
    for (const bad of ["2027-02-30T09:00", "2027-04-01T24:00", "2027-04-01", "tomorrow"]) expect(localToInstant(bad, 0)).toBeUndefined();
  });

  it("builds nested data from dotted names, leaves blank optionals out and keeps what was typed", () => {
    const form = new FormData();
    form.set("budget.amount", " 10.00 ");
    form.set("budget.currency", "EUR");
    form.set("reason", "   ");
    form.set("bytes", "12kb");
    const read = readForm(form, [
      { name: "budget.amount", kind: "money" },
      { name: "budget.currency", kind: "text" },
      { name: "reason", kind: "optional" },
      { name: "bytes", kind: "integer" },
    ]);
    expect(read.data).toEqual({ budget: { amount: 1000, currency: "EUR" }, bytes: "12kb" });
    expect(read.problems).toEqual([{ path: "data.bytes", message: "Enter a whole number, e.g. 2048000." }]);
    expect(read.values).toEqual({ "budget.amount": "10.00", "budget.currency": "EUR", reason: "", bytes: "12kb" });
  });
});
