import Link from "next/link";
import { NavLink } from "./nav-link.tsx";

const links = [
  { href: "/briefs", label: "Briefs" },
  { href: "/assets", label: "Assets" },
  { href: "/invoices", label: "Invoices" },
  { href: "/reminders", label: "Reminders" },
  { href: "/runs", label: "Runs" },
  { href: "/outbox", label: "Outbox" },
] as const;

/** Site navigation; `mode` says where events go (the local Dev Server or Inngest Cloud). */
export function SiteHeader({ mode }: { mode: string }) {
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
      </div>
    </header>
  );
}
