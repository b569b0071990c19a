/** Currencies offered in money inputs: all use two decimals, which is how amounts are read. */
export const currencyOptions = ["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "CAD", "AUD"].map((code) => ({ value: code, label: code }));
