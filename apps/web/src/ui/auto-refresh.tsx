"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Re-renders the page's server data every few seconds while something is still running: run
 * statuses come from the Inngest API, which has no push channel. With `forMs` it gives up that
 * long after it first became active (for waits that may never end, e.g. an event Inngest never lists).
 */
export function AutoRefresh({ active, everyMs = 3000, forMs }: { active: boolean; everyMs?: number; forMs?: number }) {
  const router = useRouter();
  const since = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!active) return;
    const start = (since.current ??= Date.now());
    const id = setInterval(() => {
      if (forMs !== undefined && Date.now() - start > forMs) clearInterval(id);
      else router.refresh();
    }, everyMs);
    return () => clearInterval(id);
  }, [active, everyMs, forMs, router]);
  return null;
}
