import { appIds } from "@studio/events";
import { type InngestApi } from "../inngest-api/create-inngest-api.ts";
import { type StoredFunction } from "../inngest-api/types.ts";

/** Every registered Studio function by Inngest's internal id, to name the functions of runs. */
export async function functionDirectory(api: InngestApi): Promise<Map<string, StoredFunction>> {
  const lists = await Promise.all(Object.values(appIds).map((app) => api.appFunctions(app)));
  return new Map(lists.flat().map((fn) => [fn.internal_id, fn]));
}
