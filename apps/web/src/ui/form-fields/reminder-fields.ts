import { type FieldSpec } from "../field-spec.ts";

export function reminderFields(reminderId: string): FieldSpec[] {
  return [
    { name: "reminderId", label: "Reminder id", type: "hidden", defaultValue: reminderId },
    { name: "sendAt", label: "Send at", type: "datetime-local", required: true, half: true, hint: "A time in the future." },
    {
      name: "encrypted.target.channel",
      label: "Channel",
      type: "select",
      required: true,
      half: true,
      defaultValue: "email",
      options: [
        { value: "email", label: "Email" },
        { value: "webhook", label: "Webhook (Slack-style)" },
      ],
    },
    { name: "encrypted.target.address", label: "Email address", type: "email", half: true, hint: "For the email channel." },
    { name: "encrypted.target.url", label: "Webhook URL", type: "url", half: true, hint: "For the webhook channel: a host the worker allows (EVENT_TARGET_HOSTS)." },
    { name: "encrypted.subject", label: "Subject", required: true },
    { name: "encrypted.message", label: "Message", type: "textarea", required: true },
  ];
}
