ALTER TABLE "assets" DROP COLUMN "tags";--> statement-breakpoint
ALTER TABLE "assets" DROP COLUMN "alt_text";