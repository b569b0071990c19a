// Local and container entry: a Node HTTP server on HOST:PORT.
import { runNodeServer } from "@studio/middleware/node-server";

await runNodeServer(
  async () => {
    const [{ app }, { inngest }, { env }] = await Promise.all([import("./app.ts"), import("./client.ts"), import("./env.ts")]);
    return { app, client: inngest, port: env.PORT, host: env.HOST };
  },
  () => {
    // Resolve the model plan now (probing for a local model server once) so the first run does not wait and the log says which model answers.
    import("./models/app-model-plan.ts")
      .then(({ appModelPlan }) => appModelPlan())
      .catch((error: unknown) => console.error("[studio-ai] the model plan could not be resolved:", error));
  },
);
