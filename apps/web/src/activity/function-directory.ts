import { appIds } from "@studio/events";
import { type InngestApi } from "../inngest-api/create-inngest-api.ts";
import { type StoredFunction } from "../inngest-api/types.ts";

/** Names the function of a run: a registered Studio function by Inngest's internal id. */
export type FunctionDirectory = (functionId: string) => Promise<StoredFunction | undefined>;

/** The last list read per API client, so a page refreshing every few seconds does not re-read it each time. */
const lastRead = new WeakMap<InngestApi, Promise<Map<string, StoredFunction>>>();

function read(api: InngestApi): Promise<Map<string, StoredFunction>> {
  const reading = Promise.all(Object.values(appIds).map((app) => api.appFunctions(app))).then(
    (lists) => new Map(lists.flat().map((fn) => [fn.internal_id, fn])),
  );
  lastRead.set(api, reading);
  // A failed read is not kept: the next page render tries again.
  reading.catch(() => {
    if (lastRead.get(api) === reading) lastRead.delete(api);
  });
  return reading;
}

/**
 * Every registered Studio function, for one page render. The list is read once per API client and
 * read again (at most once per render) when a run names a function it lacks, e.g. one deployed since.
 */
export async function functionDirectory(api: InngestApi): Promise<FunctionDirectory> {
  const cached = lastRead.get(api);
  let functions = cached ?? read(api);
  let fresh = !cached;
  await functions;
  return async (functionId) => {
    const seen = functions;
    const known = (await seen).get(functionId);
    if (known) return known;
    if (!fresh) {
      fresh = true;
      functions = read(api);
    }
    // Unknown to a list read during this render: really unknown. Otherwise look in the new list.
    return functions === seen ? undefined : (await functions).get(functionId);
  };
}
