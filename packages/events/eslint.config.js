import config from "@studio/eslint-config";

// package-check/ is compiled against the built dist/ by `lint:package` (scripts/check-package.ts),
// which is the check that matters for it; linted here it would race with whichever task is
// rebuilding dist/ at that moment (its imports then fail to resolve).
export default [{ ignores: ["package-check/**"] }, ...config];
