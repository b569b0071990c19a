import { type FieldSpec } from "../field-spec.ts";

export function reminderFields(reminderId: string): FieldSpec[] {
  return [
    { name: "reminderId", label: "Reminder id", type: "hidden", defaultValue: reminderId },
    { name: "sendAt", label: "Send at", type: "datetime-local", required: true, half: true, hint: "A time in the future." },
    {
      name: "channel",
      label: "Channel",
      type: "select",
      required: true,
      half: true,
      defaultValue: "email",
      options: [
        { value: "email", label: "Email" },
        { value: "webhook", label: "Team webhook (Slack-style)" },
      ],
    },
    { name: "encrypted.to", label: "To", required: true, hint: "An email address, or the webhook URL for the webhook channel." },
    { name: "encrypted.subject", label: "Subject", required: true },
    { name: "encrypted.message", label: "Message", type: "textarea", required: true },
  ];
}
