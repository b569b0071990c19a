/** The environment the generator suite hands to the checks it runs (colour off, so output can be matched). */
export const checkEnv: Record<string, string | undefined> = { ...process.env, CI: "", NO_COLOR: "1", FORCE_COLOR: "0" };
