import { accessRules, type PagePath } from "./access-rules.ts";
import { type SessionUser } from "./actor.ts";
import { checkUserAccess } from "./check-access.ts";

/**
 * Whether `user` may open `page` by its rule in access-rules.ts: links to pages a user would get
 * 403 on are not shown (the page still checks for itself, with requirePage).
 */
export function mayOpen(user: SessionUser | undefined, page: PagePath): boolean {
  return checkUserAccess(accessRules.pages[page], user).ok;
}
