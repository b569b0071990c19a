// Typed where it is used (load-secretbox.ts): the library ships no types for these functions.
declare const sodium: unknown;
export = sodium;
