"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

/**
 * Re-renders the page's server data every few seconds while something is still running: run
 * statuses come from the Inngest API, which has no push channel. The next refresh is scheduled
 * only once the last one has landed: Next queues refreshes, so a fixed interval shorter than a
 * slow render would pile them up and the page would fall ever further behind. With `forMs` it
 * gives up that long after it first became active (for waits that may never end).
 */
export function AutoRefresh({ active, everyMs = 3000, forMs }: { active: boolean; everyMs?: number; forMs?: number }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const since = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!active || refreshing) return;
    const start = (since.current ??= Date.now());
    if (forMs !== undefined && Date.now() - start > forMs) return;
    const id = setTimeout(() => startTransition(() => router.refresh()), everyMs);
    return () => clearTimeout(id);
  }, [active, refreshing, everyMs, forMs, router]);
  return null;
}
