import { z } from "zod";

/** The one money shape of the contract: integer minor units (cents) plus an ISO 4217 code. */
export const moneySchema = z.object({
  amount: z.int().positive().describe("Amount in minor units (e.g. cents), a positive integer."),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .describe("ISO 4217 currency code, three upper-case letters (e.g. EUR)."),
});

export type Money = z.infer<typeof moneySchema>;
