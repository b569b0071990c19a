CREATE TABLE "assets" (
	"asset_id" text PRIMARY KEY NOT NULL,
	"project_id" text,
	"file_name" text,
	"content_type" text,
	"bytes" integer,
	"source_url" text,
	"uploaded_at" timestamp with time zone,
	"renditions" jsonb,
	"processed_at" timestamp with time zone,
	"tags" jsonb,
	"alt_text" text,
	"tag_model" jsonb,
	"tagged_at" timestamp with time zone,
	"last_event_at" timestamp with time zone NOT NULL,
	"status" text GENERATED ALWAYS AS (case when tagged_at is not null then 'tagged' when processed_at is not null then 'processed' when uploaded_at is not null then 'registered' else 'pending' end) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_failures" (
	"event_id" text PRIMARY KEY NOT NULL,
	"app" text NOT NULL,
	"function_id" text NOT NULL,
	"run_id" text NOT NULL,
	"trigger_name" text NOT NULL,
	"trigger_id" text,
	"error_name" text NOT NULL,
	"error_message" text NOT NULL,
	"compensated" boolean NOT NULL,
	"failed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefs" (
	"brief_id" text PRIMARY KEY NOT NULL,
	"client_id" text,
	"title" text,
	"budget" jsonb,
	"due_date" text,
	"personal" jsonb,
	"submitted_at" timestamp with time zone,
	"revision" integer DEFAULT 0 NOT NULL,
	"edit" jsonb,
	"edited_at" timestamp with time zone,
	"approved_by" text,
	"approval_decision_id" text,
	"approved_at" timestamp with time zone,
	"withdrawn_reason" text,
	"withdrawal_decision_id" text,
	"withdrawn_at" timestamp with time zone,
	"project_id" text,
	"project_summary" text,
	"project_created_at" timestamp with time zone,
	"analysis_revision" integer,
	"analysis" jsonb,
	"analysed_at" timestamp with time zone,
	"last_event_at" timestamp with time zone NOT NULL,
	"status" text GENERATED ALWAYS AS (case when withdrawn_at is not null then 'withdrawn' when project_id is not null then 'project_created' when approved_at is not null then 'approved' when analysis_revision is not null then 'analysed' when submitted_at is not null then 'submitted' else 'pending' end) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"invoice_id" text PRIMARY KEY NOT NULL,
	"client_id" text,
	"project_id" text,
	"total" jsonb,
	"due_date" text,
	"personal" jsonb,
	"issued_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"payment_decision_id" text,
	"payment_recorded_at" timestamp with time zone,
	"last_event_at" timestamp with time zone NOT NULL,
	"status" text GENERATED ALWAYS AS (case when payment_recorded_at is not null then 'paid' when issued_at is not null then 'issued' else 'pending' end) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"body" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"inngest_ids" jsonb,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "projected_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"reminder_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"send_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"personal" jsonb,
	"scheduled_at" timestamp with time zone NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assets_uploaded_idx" ON "assets" USING btree ("uploaded_at" DESC NULLS LAST,"asset_id");--> statement-breakpoint
CREATE INDEX "assets_status_idx" ON "assets" USING btree ("status","uploaded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assets_project_idx" ON "assets" USING btree ("project_id","uploaded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "automation_failures_trigger_idx" ON "automation_failures" USING btree ("trigger_id");--> statement-breakpoint
CREATE INDEX "automation_failures_time_idx" ON "automation_failures" USING btree ("failed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "briefs_submitted_idx" ON "briefs" USING btree ("submitted_at" DESC NULLS LAST,"brief_id");--> statement-breakpoint
CREATE INDEX "briefs_status_idx" ON "briefs" USING btree ("status","submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "briefs_client_idx" ON "briefs" USING btree ("client_id","submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invoices_issued_idx" ON "invoices" USING btree ("issued_at" DESC NULLS LAST,"invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("status","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invoices_client_idx" ON "invoices" USING btree ("client_id","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outbox_messages_received_idx" ON "outbox_messages" USING btree ("received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outgoing_events_item_idx" ON "outgoing_events" USING btree ("item_kind","item_id","recorded_at");--> statement-breakpoint
CREATE INDEX "outgoing_events_status_idx" ON "outgoing_events" USING btree ("status");--> statement-breakpoint
CREATE INDEX "projected_events_item_idx" ON "projected_events" USING btree ("item_kind","item_id");--> statement-breakpoint
CREATE INDEX "projected_events_kind_event_at_idx" ON "projected_events" USING btree ("item_kind","event_at");--> statement-breakpoint
CREATE INDEX "projected_events_kind_projected_at_idx" ON "projected_events" USING btree ("item_kind","projected_at");--> statement-breakpoint
CREATE INDEX "reminders_send_at_idx" ON "reminders" USING btree ("send_at" DESC NULLS LAST,"reminder_id");