import Link from "next/link";
import { signOut } from "../actions/sign-out.ts";
import { type SessionUser } from "../auth/actor.ts";
import { NavLink } from "./nav-link.tsx";

const links = [
  { href: "/briefs", label: "Briefs" },
  { href: "/assets", label: "Assets" },
  { href: "/invoices", label: "Invoices" },
  { href: "/reminders", label: "Reminders" },
  { href: "/runs", label: "Runs" },
  { href: "/outbox", label: "Outbox" },
] as const;

/**
 * Site navigation; `mode` says where events go (the local Dev Server or Inngest Cloud). Signed
 * in, it names the user and their role, with the Admin page for admins and a sign-out button.
 */
export function SiteHeader({ mode, user }: { mode: string; user: SessionUser | undefined }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          Studio+233
        </Link>
        <nav aria-label="Main">
          <ul className="nav">
            {links.map((link) => (
              <li key={link.href}>
                <NavLink href={link.href}>{link.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="env-note">{mode}</span>
        {user && (
          <span className="user-box" data-testid="signed-in-user">
            <span>
              {user.name} · {user.role ?? "no role"}
            </span>
            {user.role === "admin" && <Link href="/admin">Admin</Link>}
            <form action={signOut}>
              <button type="submit" className="button--quiet">
                Sign out
              </button>
            </form>
          </span>
        )}
      </div>
    </header>
  );
}
