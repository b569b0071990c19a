import { readFileSync } from "node:fs";

export interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

/**
 * The user a root harness runs Postgres as (initdb and postgres refuse to run as root): the
 * `postgres` account Debian's package creates, else `nobody`. Undefined when the harness is not
 * root, so the server simply runs as whoever runs the tests (a developer's own account).
 */
export function unprivilegedUser(preferred = ["postgres", "nobody"]): SystemUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const accounts = new Map<string, SystemUser>();
  for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
    const [name, , uid, gid] = line.split(":");
    if (name && uid && gid && Number(uid) !== 0) accounts.set(name, { name, uid: Number(uid), gid: Number(gid) });
  }
  for (const name of preferred) {
    const account = accounts.get(name);
    if (account) return account;
  }
  throw new Error(
    `The tests run as root, and Postgres refuses to run as root, but none of the accounts ${preferred.join(", ")} exists ` +
      `to run it as. Install Debian's postgresql package (it creates the postgres account) or create one: \`useradd --system postgres\`.`,
  );
}
