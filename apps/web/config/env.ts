// Settings next.config.ts reads when Next starts (the app's runtime settings are in src/env.ts).
export const nextEnv = {
  /**
   * Where Next writes its output. `next dev` allows one server per output folder, so the browser
   * tests give each suite its own folder (under .next/) and can run while `pnpm dev` is up.
   */
  distDir: process.env.STUDIO_NEXT_DIST_DIR || ".next",
};
