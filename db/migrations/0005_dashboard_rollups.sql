CREATE TYPE "public"."dashboard_dim" AS ENUM('status', 'country', 'device', 'ledger');--> statement-breakpoint
CREATE TABLE "dashboard_daily" (
	"day" date NOT NULL,
	"dim" "dashboard_dim" NOT NULL,
	"key" text NOT NULL,
	"all_managers" boolean NOT NULL,
	"manager_id" uuid,
	"orders" integer NOT NULL,
	"usd_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_dirty_days" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_monthly" (
	"month" date NOT NULL,
	"dim" "dashboard_dim" NOT NULL,
	"key" text NOT NULL,
	"all_managers" boolean NOT NULL,
	"manager_id" uuid,
	"orders" integer NOT NULL,
	"usd_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_rollup_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"built_until" date,
	"ledger_built_until" timestamp with time zone,
	"refreshed_at" timestamp with time zone,
	"last_refresh_ms" integer
);
--> statement-breakpoint
CREATE INDEX "dashboard_daily_all_idx" ON "dashboard_daily" USING btree ("dim","all_managers","day");--> statement-breakpoint
CREATE INDEX "dashboard_daily_manager_idx" ON "dashboard_daily" USING btree ("dim","manager_id","day");--> statement-breakpoint
CREATE INDEX "dashboard_daily_day_idx" ON "dashboard_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "dashboard_dirty_days_day_idx" ON "dashboard_dirty_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "dashboard_monthly_all_idx" ON "dashboard_monthly" USING btree ("dim","all_managers","month");--> statement-breakpoint
CREATE INDEX "dashboard_monthly_manager_idx" ON "dashboard_monthly" USING btree ("dim","manager_id","month");