export { buildWithVercel, type VercelBuild } from "./build-with-vercel.ts";
export { readVercelOutput, type VercelFunction, type VercelFunctionConfig, type VercelOutput } from "./read-vercel-output.ts";
export { serveVercelFunction, type ServedFunction } from "./serve-vercel-function.ts";
export { settingsFor, vercelProjectSettings, type VercelProjectSettings } from "./vercel-project-settings.ts";
export { routeOf, type OutputRoute } from "./route-of.ts";
