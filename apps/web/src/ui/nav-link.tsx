"use client";

import Link from "next/link";
import { type Route } from "next";
import { usePathname } from "next/navigation";

/** A navigation link that tells assistive technology (and the styles) which section is open. */
export function NavLink({ href, children }: { href: Route; children: string }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
