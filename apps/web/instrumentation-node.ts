// Node.js side of instrumentation.ts. Importing the Inngest client validates the environment
// (src/env.ts) and the keys cloud mode needs, and opening the database checks DATABASE_URL (or
// migrates the embedded database), so a misconfigured production server stops at start-up with a
// message naming each variable, instead of answering 500 on its first request.
// Next only logs an error thrown here and keeps serving, hence the explicit exit.
try {
  await import("./src/inngest/client.ts");
  const { isNextBuild } = await import("./src/env.ts");
  // `next build` serves nothing and must not need (or write to) the database.
  if (!isNextBuild) {
    await (await import("./src/db/app-database.ts")).appDatabase();
    // On a developer machine: the local admin and the dev tokens, and how to sign in (never where deployed).
    await (await import("./src/auth/seed-at-start.ts")).seedAtStart();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
