import { workflowProgress, type ProgressUpdate, type WorkflowResult } from "@studio/events";
import { subscribe } from "inngest/realtime";
import { useEffect, useSyncExternalStore } from "react";
import { type ProgressToken } from "../realtime/create-progress-token.ts";

export type FeedStatus = "connecting" | "open" | "reconnecting";
export type FeedMessage = { topic: "progress"; data: ProgressUpdate } | { topic: "result"; data: WorkflowResult };
export type FeedSnapshot = { status: FeedStatus; messages: readonly FeedMessage[]; error?: string };

type Feed = {
  snapshot: FeedSnapshot;
  listeners: Set<() => void>;
  users: number;
  stopTimer?: ReturnType<typeof setTimeout>;
  stopped: boolean;
  close?: () => void;
};

/**
 * Realtime messages are not replayed: whatever is published before the browser subscribes is
 * lost to it. So a feed lives in the page's JavaScript, not in one component: the "new brief" page
 * opens the brief's feed before the form is even sent, and the brief's page (reached by a
 * client-side redirect) picks up the same feed, messages included. A feed nobody uses closes
 * after a grace period that bridges such navigations.
 */
const feeds = new Map<string, Feed>();
const GRACE_MS = 60_000;
const TOPICS = ["progress", "result"] as const;
const idle: FeedSnapshot = { status: "connecting", messages: [] };

function update(feed: Feed, change: Partial<FeedSnapshot>) {
  feed.snapshot = { ...feed.snapshot, ...change };
  for (const listener of feed.listeners) listener();
}

function open(subject: string, token: (subject: string) => Promise<ProgressToken>): Feed {
  const feed: Feed = { snapshot: idle, listeners: new Set(), users: 0, stopped: false };
  const channel = workflowProgress({ subject });
  void (async () => {
    for (let attempt = 0; !feed.stopped; attempt++) {
      try {
        // A fresh token per connection: they are short-lived.
        const { key, apiBaseUrl } = await token(subject);
        const stream = await subscribe({ channel, topics: [...TOPICS], key, ...(apiBaseUrl ? { apiBaseUrl } : {}) });
        feed.close = () => stream.close("progress feed closed");
        if (feed.stopped) break;
        attempt = 0;
        update(feed, { status: "open", error: undefined });
        const reader = stream.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (value.kind === "data" && (value.topic === "progress" || value.topic === "result")) {
            update(feed, { messages: [...feed.snapshot.messages, { topic: value.topic, data: value.data } as FeedMessage] });
          }
        }
      } catch (error) {
        update(feed, { error: error instanceof Error ? error.message : String(error) });
      }
      if (feed.stopped) break;
      update(feed, { status: "reconnecting" });
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
    }
  })();
  return feed;
}

function acquire(subject: string, token: (subject: string) => Promise<ProgressToken>): Feed {
  let feed = feeds.get(subject);
  if (!feed || feed.stopped) {
    feed = open(subject, token);
    feeds.set(subject, feed);
  }
  clearTimeout(feed.stopTimer);
  feed.users++;
  return feed;
}

function release(subject: string, feed: Feed) {
  feed.users--;
  if (feed.users > 0) return;
  feed.stopTimer = setTimeout(() => {
    feed.stopped = true;
    feed.close?.();
    if (feeds.get(subject) === feed) feeds.delete(subject);
  }, GRACE_MS);
}

/** The live messages of one item's progress channel, kept across client-side navigation. */
export function useProgressFeed(subject: string, token: (subject: string) => Promise<ProgressToken>): FeedSnapshot {
  useEffect(() => {
    const feed = acquire(subject, token);
    return () => release(subject, feed);
  }, [subject, token]);
  return useSyncExternalStore(
    (listener) => {
      const feed = feeds.get(subject);
      if (!feed) return () => {};
      feed.listeners.add(listener);
      return () => feed.listeners.delete(listener);
    },
    () => feeds.get(subject)?.snapshot ?? idle,
    () => idle,
  );
}
