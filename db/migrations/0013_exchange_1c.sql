CREATE TYPE "public"."exchange_category" AS ENUM('catalog', 'prices', 'stock', 'orders', 'counterparties', 'documents');--> statement-breakpoint
CREATE TYPE "public"."exchange_item_status" AS ENUM('done', 'error', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."exchange_run_status" AS ENUM('running', 'done', 'error');--> statement-breakpoint
CREATE TABLE "exchange_run_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"category" "exchange_category" NOT NULL,
	"entity" text NOT NULL,
	"external_id" text,
	"label" text,
	"status" "exchange_item_status" NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" "exchange_category" NOT NULL,
	"status" "exchange_run_status" DEFAULT 'running' NOT NULL,
	"file_name" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"items_total" integer DEFAULT 0 NOT NULL,
	"items_created" integer DEFAULT 0 NOT NULL,
	"items_updated" integer DEFAULT 0 NOT NULL,
	"items_failed" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "exchange_schedules" (
	"category" "exchange_category" PRIMARY KEY NOT NULL,
	"interval_minutes" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"login" text NOT NULL,
	"state" jsonb DEFAULT '{"steps":{}}'::jsonb NOT NULL,
	"orders_queried_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_run_items" ADD CONSTRAINT "exchange_run_items_run_id_exchange_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."exchange_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_schedules" ADD CONSTRAINT "exchange_schedules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_run_items_run_idx" ON "exchange_run_items" USING btree ("run_id","id");--> statement-breakpoint
CREATE INDEX "exchange_run_items_filter_idx" ON "exchange_run_items" USING btree ("category","status","id");--> statement-breakpoint
CREATE INDEX "exchange_run_items_external_idx" ON "exchange_run_items" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "exchange_runs_category_started_idx" ON "exchange_runs" USING btree ("category","started_at");--> statement-breakpoint
CREATE INDEX "exchange_runs_started_idx" ON "exchange_runs" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_sessions_token_key" ON "exchange_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_erp_id_key" ON "warehouses" USING btree ("erp_id");--> statement-breakpoint
CREATE INDEX "property_values_erp_id_idx" ON "property_values" USING btree ("erp_id");--> statement-breakpoint
INSERT INTO "exchange_schedules" ("category", "interval_minutes") VALUES ('catalog', 1440), ('prices', 60), ('stock', 10), ('orders', 10), ('counterparties', 1440), ('documents', 60) ON CONFLICT DO NOTHING;
