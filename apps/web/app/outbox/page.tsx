import { reveal } from "../../src/crypto/reveal.ts";
import { appDatabase } from "../../src/db/app-database.ts";
import { readOutbox } from "../../src/outbox/read-outbox.ts";
import { summariseOutboxMessage } from "../../src/outbox/outbox-summary.ts";
import { AutoRefresh } from "../../src/ui/auto-refresh.tsx";
import { formatInstant, toJson } from "../../src/ui/format.ts";
import { requirePage } from "../../src/auth/require-page.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Outbox" };

export default async function OutboxPage() {
  await requirePage("/outbox");
  const { messages, unreadable } = await readOutbox(await appDatabase(), reveal);
  return (
    <>
      <h1>Outbox</h1>
      <p className="notice notice--info">
        This is the local stand-in for Slack and email. With no webhook or email provider configured, the worker posts its team
        notifications and client emails here instead, so the whole flow runs without accounts. Nothing on this page was really
        sent to anyone.
      </p>
      {unreadable > 0 && (
        <p className="notice notice--bad" role="alert">
          {unreadable} stored message(s) are encrypted with a key this app no longer has (see docs/runbooks/key-rotation.md).
        </p>
      )}
      {messages.length === 0 ? (
        <p className="muted">No messages yet. They appear here as workflows notify the team or email a client.</p>
      ) : (
        <ol className="list-plain stack" data-testid="outbox">
          {messages.map((message) => {
            const summary = summariseOutboxMessage(message);
            return (
              <li key={message.id} className="panel" data-channel={message.channel}>
                <div className="page-head">
                  <h2>
                    <span className="badge badge--info">{message.channel === "email" ? "Email" : "Team webhook"}</span>{" "}
                    {summary.subject ?? (message.channel === "webhook" ? "Team notification" : "(no subject)")}
                  </h2>
                  <span className="event-meta">received {formatInstant(message.receivedAt)}</span>
                </div>
                {summary.to && (
                  <p className="event-meta">
                    To: <strong>{summary.to}</strong>
                  </p>
                )}
                {summary.text && <p style={{ whiteSpace: "pre-wrap" }}>{summary.text}</p>}
                <details>
                  <summary>Body as received</summary>
                  <pre>{toJson(message.body)}</pre>
                </details>
              </li>
            );
          })}
        </ol>
      )}
      <AutoRefresh active everyMs={5000} />
    </>
  );
}
