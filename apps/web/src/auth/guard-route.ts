import { appDatabase } from "../db/app-database.ts";
import { accessRules, type RouteKey } from "./access-rules.ts";
import { type Actor } from "./actor.ts";
import { verifyApiToken } from "./api-tokens/verify-api-token.ts";
import { checkUserAccess } from "./check-access.ts";
import { currentUser } from "./current-user.ts";

type RouteContext = { params?: Promise<Record<string, string | string[]>> } | undefined;

/**
 * Wraps a route handler with its rule from access-rules.ts. Token routes take
 * `Authorization: Bearer <token>` scoped for them (`<event>` in the scope is the route's event);
 * user routes the session cookie. Refused requests get 401 / 403 with what to do, and the handler
 * (which would read the body) never runs.
 */
export function guardRoute<TContext extends RouteContext>(
  key: RouteKey,
  handler: (request: Request, actor: Actor, context: TContext) => Promise<Response>,
): (request: Request, context: TContext) => Promise<Response> {
  return async (request, context) => {
    const rule = accessRules.routes[key];
    if (rule.who === "token") {
      const params = (await context?.params) ?? {};
      const scope = rule.scope.replace(/<(\w+)>/g, (_, name: string) => String(params[name] ?? ""));
      const check = await verifyApiToken(await appDatabase(), request.headers, scope);
      if (!check.ok) return refused(check.status, check.error);
      return handler(request, { type: "token", id: check.token.id, name: check.token.name }, context);
    }
    const user = await currentUser(request.headers);
    const decision = checkUserAccess(rule, user);
    if (!decision.ok) return refused(decision.status, decision.reason);
    if (!user) return refused(401, "Sign in first.");
    return handler(request, { type: "user", id: user.id, name: user.name, role: user.role }, context);
  };
}

function refused(status: 401 | 403, error: string): Response {
  return Response.json({ error }, { status, headers: status === 401 ? { "www-authenticate": 'Bearer realm="studio"' } : {} });
}
