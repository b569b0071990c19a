import { type InngestApiConfig } from "../inngest-api/inngest-api-config.ts";

/** One line for the header: where this console sends events and reads runs. */
export function modeLabel(config: InngestApiConfig): string {
  return config.isDev ? `Local: Inngest Dev Server at ${config.baseUrl}` : `Inngest Cloud${config.inngestEnv ? ` (${config.inngestEnv})` : ""}`;
}
