import { forbidden, unauthorized } from "next/navigation";
import { accessRules, type ActionName } from "./access-rules.ts";
import { type SessionUser } from "./actor.ts";
import { checkUserAccess } from "./check-access.ts";
import { currentUser } from "./current-user.ts";

/**
 * Wraps a server action with its rule from access-rules.ts: signed out it answers 401, without
 * the role 403 (Next's unauthorized() / forbidden()), before reading anything the browser sent.
 * The action gets the session's user: who did it is never taken from a form field.
 */
export function guardAction<TArgs extends unknown[], TResult>(
  name: ActionName,
  action: (user: SessionUser, ...args: TArgs) => Promise<TResult>,
): (...args: TArgs) => Promise<TResult> {
  return async (...args: TArgs) => {
    const user = await currentUser();
    const decision = checkUserAccess(accessRules.actions[name], user);
    if (!decision.ok) return decision.status === 401 ? unauthorized() : forbidden();
    if (!user) return unauthorized();
    return action(user, ...args);
  };
}
