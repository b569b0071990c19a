/** Inngest app ids of the three deployed apps. Stable: they prefix every function slug. */
export const appIds = {
  web: "studio-web",
  worker: "studio-worker",
  ai: "studio-ai",
} as const;

export type AppKey = keyof typeof appIds;
export type AppId = (typeof appIds)[AppKey];

/** Who can own, produce or consume an event: one of the apps, or shared platform tooling. */
export type Party = AppKey | "platform";
