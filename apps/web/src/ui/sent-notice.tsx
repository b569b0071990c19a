import { type SentEvent } from "../activity/sent-event.ts";

const messages: Record<string, string> = {
  submitted: "Brief submitted. Intake starts now: follow it below.",
  updated: "Edit sent. The AI app analyses the brief again once the edits settle.",
  approved: "Approval sent. The project is created once intake sees it.",
  withdrawn: "Withdrawal sent. Intake for this brief is cancelled.",
  registered: "Asset registered. Processing starts now.",
  issued: "Invoice issued. The worker chases it until it is paid.",
  paid: "Marked as paid. Chasing stops.",
  scheduled: "Reminder scheduled. Inngest delivers it at the chosen time.",
};

/** Confirms what the last form sent (the action redirects here with `?sent=&event=`). */
export function SentNotice({ sent }: { sent: SentEvent | undefined }) {
  const message = sent ? messages[sent.kind] : undefined;
  if (!sent || !message) return null;
  return (
    <p className="notice notice--ok" role="status" data-testid="sent-notice" data-recorded="true">
      {message}
    </p>
  );
}
