"use client";

import { type ProgressUpdate, type WorkflowResult } from "@studio/events";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { progressToken } from "../actions/progress-token.ts";
import { OutcomeDetails } from "./outcome-details.tsx";
import { useProgressFeed, type FeedStatus } from "./progress-feed.ts";
import { StatusBadge } from "./status-badge.tsx";

const connectionText: Record<FeedStatus, string> = {
  connecting: "Connecting…",
  open: "Live: updates appear as they happen",
  reconnecting: "Connection lost, reconnecting…",
};

/**
 * The live view of one item: what its workflows publish on the item's realtime channel, as it
 * happens. The browser gets a short-lived token scoped to this channel from a server action and
 * then receives updates from Inngest (the Dev Server locally) directly. Each update also
 * refreshes the server-rendered parts of the page (runs, results).
 */
export function LiveProgress({ subject }: { subject: string }) {
  const router = useRouter();
  const { status, messages, error } = useProgressFeed(subject, progressToken);

  const steps = useMemo(() => {
    const byStep = new Map<string, ProgressUpdate>();
    for (const m of messages) if (m.topic === "progress") byStep.set(`${m.data.workflow}/${m.data.step}`, m.data);
    return [...byStep.values()];
  }, [messages]);
  const results = useMemo(() => messages.flatMap((m): WorkflowResult[] => (m.topic === "result" ? [m.data] : [])), [messages]);

  // Refresh the server-rendered parts when something happened, at most every 1.5 s.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (messages.length === 0 || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      router.refresh();
    }, 1500);
  }, [messages.length, router]);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <section className="panel" aria-labelledby="live-title" data-testid="live-progress">
      <div className="page-head">
        <h2 id="live-title">Live progress</h2>
        <span className="live-status" data-testid="live-status" data-status={status}>
          <span className={`live-dot live-dot--${status === "open" ? "open" : status === "reconnecting" ? "error" : "idle"}`} aria-hidden="true" />
          {connectionText[status]}
        </span>
      </div>
      {error && status !== "open" && <p className="notice notice--bad">Realtime: {error}</p>}
      <div aria-live="polite">
        {steps.length === 0 ? (
          <p className="muted">Waiting for the workflow to report progress…</p>
        ) : (
          <ol className="steps" data-testid="progress-steps">
            {steps.map((step) => (
              <li key={`${step.workflow}/${step.step}`} data-step={step.step} data-state={step.state}>
                <StatusBadge status={step.state} />
                <span>
                  <span className="step-label">{step.label}</span>
                  {step.detail && <span className="step-detail"> — {step.detail}</span>}
                  <br />
                  <span className="step-detail">
                    {step.workflow} · {new Date(step.at).toLocaleTimeString()}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
        {results.map((result, i) => (
          <div key={`${result.workflow}-${i}`} className="panel" data-testid="live-result" data-outcome={result.outcome}>
            <h3>
              Result of {result.workflow}: <StatusBadge status={result.outcome} />
            </h3>
            {result.data && <OutcomeDetails value={result.data} />}
          </div>
        ))}
      </div>
    </section>
  );
}

/**
 * Opens an item's progress feed before the item exists (on the form that creates it), so that
 * nothing the workflow publishes right after the submit is missed. Renders nothing.
 */
export function ProgressPreconnect({ subject }: { subject: string }) {
  useProgressFeed(subject, progressToken);
  return null;
}
