// libsodium-wrappers through require(), for load-secretbox.ts: its CommonJS build is the one that
// works (0.7.16's ESM build imports a file the package does not ship), and every bundler
// (esbuild for the Hono apps, Next for the web app) follows a require() here into the bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a require() is what this file is for
module.exports = require("libsodium-wrappers");
