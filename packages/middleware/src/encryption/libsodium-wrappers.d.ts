// libsodium-wrappers 0.7.16 ships types for its CommonJS build only; load-secretbox.ts types the few functions it uses.
declare module "libsodium-wrappers";
