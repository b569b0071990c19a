import config from "./index.js";

// Lints this package with its own config; the fixtures are deliberate violations.
export default [{ ignores: ["fixtures/**"] }, ...config];
