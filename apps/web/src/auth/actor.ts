import { type Role } from "./roles.ts";

/** A signed-in person, as the session gives them. */
export type SessionUser = { id: string; name: string; email: string; role: Role | undefined };

/** Who is doing something: a person (session) or a machine (API token). Audit records name it. */
export type Actor = { type: "user"; id: string; name: string; role: Role | undefined } | { type: "token"; id: string; name: string };
