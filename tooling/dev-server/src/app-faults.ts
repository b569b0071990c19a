import { startApp, type AppName, type RunningApp } from "./apps.ts";
import { isPortFree } from "./ports.ts";
import type { Stack } from "./stack.ts";

/**
 * Faults for end-to-end suites: one app of a running stack goes down hard, then comes back on the
 * same port with the same environment, while the Dev Server and the other apps keep running (so
 * the Dev Server reaches it again at the URL it registered, as after a crash and a restart).
 */

/**
 * Kills the app's whole process group with SIGKILL, as the OOM killer or a lost machine would: no
 * shutdown hook runs and requests in flight are cut off. Resolves once the process has exited and
 * its port is free.
 */
export async function crashApp(stack: Stack, name: AppName): Promise<void> {
  const app = runningApp(stack, name);
  const child = app.process;
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    await exited;
  }
  await app.stop(); // the group is dead already: this only drops it from the process registry
  await waitForPortFree(new URL(app.url).port, name);
}

/**
 * Starts a crashed (or stopped) app again with the options it was first started with, and puts it
 * back in `stack.apps` (so `stack.stop()` stops the new process). Resolves when it serves again.
 */
export async function restartApp(stack: Stack, name: AppName): Promise<RunningApp> {
  const app = runningApp(stack, name);
  if (app.process.exitCode === null && app.process.signalCode === null) {
    throw new Error(`restartApp: the ${name} app is still running; crashApp(stack, "${name}") or stop it first`);
  }
  const restarted = await startApp(name, app.startOptions);
  stack.apps[name] = restarted;
  return restarted;
}

function runningApp(stack: Stack, name: AppName): RunningApp {
  const app = stack.apps[name];
  if (!app) throw new Error(`The stack has no ${name} app (it runs: ${Object.keys(stack.apps).join(", ")})`);
  return app;
}

/** A killed process's listening socket closes with it, but its grandchildren can take a moment. */
async function waitForPortFree(port: string, name: AppName, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await isPortFree(Number(port)))) {
    if (Date.now() > until) throw new Error(`The ${name} app was killed, but port ${port} is still taken after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
