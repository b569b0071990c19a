export { compareRoles } from "./compare-roles.ts";
export { registeredUses, type RegisteredFunctionLike } from "./registered-uses.ts";
export { scanSources } from "./scan-sources.ts";
export { scanSourceText } from "./scan-source-text.ts";
export type { ContractChannelLike, ContractEventLike, ContractFunctionLike, ContractModule, Use, UseKind } from "./types.ts";
