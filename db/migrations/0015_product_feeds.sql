CREATE TYPE "public"."feed_format" AS ENUM('yml', 'google');--> statement-breakpoint
CREATE TABLE "product_feed_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feed_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"items" integer NOT NULL,
	"bytes" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"format" "feed_format" NOT NULL,
	"shop_name" text NOT NULL,
	"company_name" text NOT NULL,
	"shop_url" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"id_field" text DEFAULT 'sku' NOT NULL,
	"price_type_id" uuid NOT NULL,
	"brand_ids" uuid[] DEFAULT '{}' NOT NULL,
	"category_ids" uuid[] DEFAULT '{}' NOT NULL,
	"every_minutes" integer,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_feed_files" ADD CONSTRAINT "product_feed_files_feed_id_product_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."product_feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_feeds" ADD CONSTRAINT "product_feeds_price_type_id_price_types_id_fk" FOREIGN KEY ("price_type_id") REFERENCES "public"."price_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_feed_files_feed_idx" ON "product_feed_files" USING btree ("feed_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "product_feeds_token_key" ON "product_feeds" USING btree ("token");