CREATE TYPE "public"."payment_kind" AS ENUM('charge', 'refund');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('approved', 'pending', 'declined', 'failed', 'refunded', 'chargeback');--> statement-breakpoint
CREATE TABLE "payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"processor_id" uuid NOT NULL,
	"kind" "payment_kind" NOT NULL,
	"status" "payment_status" NOT NULL,
	"external_id" text NOT NULL,
	"reference" text,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"payment_url" text,
	"initiator" text,
	"code" text,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processor_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"processor_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"order_id" text,
	"outcome" text NOT NULL,
	"payload" jsonb,
	"http_status" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "adapter" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "methods" jsonb DEFAULT '["credit_card"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "currencies" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "countries" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "min_amount_usd_minor" bigint;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "max_amount_usd_minor" bigint;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "daily_cap_usd_minor" bigint;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "monthly_cap_usd_minor" bigint;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "priority" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "credentials_sealed" text;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "consecutive_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "failure_threshold" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "auto_disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "auto_disabled_reason" text;--> statement-breakpoint
ALTER TABLE "processors" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_processor_id_processors_id_fk" FOREIGN KEY ("processor_id") REFERENCES "public"."processors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_events" ADD CONSTRAINT "processor_events_processor_id_processors_id_fk" FOREIGN KEY ("processor_id") REFERENCES "public"."processors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_events" ADD CONSTRAINT "processor_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_processor_external_key" ON "payments" USING btree ("processor_id","kind","external_id");--> statement-breakpoint
CREATE INDEX "payments_reference_idx" ON "payments" USING btree ("processor_id","reference");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "processor_events_key" ON "processor_events" USING btree ("processor_id","event_id");--> statement-breakpoint
CREATE INDEX "processor_events_order_idx" ON "processor_events" USING btree ("order_id");