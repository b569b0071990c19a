"use client";

import { workflowProgress, type ProgressUpdate, type WorkflowResult } from "@studio/events";
import { useRealtime } from "inngest/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { progressToken } from "../actions/progress-token.ts";
import { OutcomeDetails } from "./outcome-details.tsx";
import { StatusBadge } from "./status-badge.tsx";

const TOPICS = ["progress", "result"] as const;

const connectionText = {
  idle: "Not connected",
  connecting: "Connecting…",
  open: "Live: updates appear as they happen",
  paused: "Paused while this tab is hidden",
  closed: "Disconnected",
  error: "Connection problem, retrying",
} as const;

/**
 * The live view of one item: what the workflow publishes on the item's realtime channel, as it
 * happens. The page asks the server for a short-lived token scoped to this channel; updates go
 * from Inngest (the Dev Server locally) straight to the browser. Each update also refreshes the
 * server-rendered run list below it.
 */
export function LiveProgress({ subject }: { subject: string }) {
  const router = useRouter();
  const channel = useMemo(() => workflowProgress({ subject }), [subject]);
  const token = useCallback(() => progressToken(subject), [subject]);
  const { connectionStatus, messages, error } = useRealtime({
    channel,
    topics: TOPICS,
    token,
    autoCloseOnTerminal: false,
    historyLimit: 500,
  });

  const steps = useMemo(() => {
    const byStep = new Map<string, ProgressUpdate>();
    for (const message of messages.all) {
      if (message.kind === "data" && message.topic === "progress") {
        const update: ProgressUpdate = message.data;
        byStep.set(`${update.workflow}/${update.step}`, update);
      }
    }
    return [...byStep.values()];
  }, [messages.all]);
  const results = useMemo(
    () => messages.all.filter((m) => m.kind === "data" && m.topic === "result").map((m): WorkflowResult => m.data),
    [messages.all],
  );

  // Refresh the server-rendered parts (runs, project) when something happened, at most every 1.5 s.
  const count = messages.all.length;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (count === 0 || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      router.refresh();
    }, 1500);
  }, [count, router]);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <section className="panel" aria-labelledby="live-title" data-testid="live-progress">
      <div className="page-head">
        <h2 id="live-title">Live progress</h2>
        <span className="live-status" data-testid="live-status" data-status={connectionStatus}>
          <span className={`live-dot live-dot--${connectionStatus}`} aria-hidden="true" />
          {connectionText[connectionStatus]}
        </span>
      </div>
      {error && connectionStatus === "error" && <p className="notice notice--bad">Realtime: {error.message}</p>}
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
