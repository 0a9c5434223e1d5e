CREATE TYPE "public"."supplier_payout_status" AS ENUM('pending', 'paid');--> statement-breakpoint
CREATE TYPE "public"."supplier_part_status" AS ENUM('new', 'confirmed', 'rejected', 'shipped', 'delivered');--> statement-breakpoint
CREATE TABLE "commission_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid,
	"category_id" uuid,
	"percent_bp" integer NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_rules_one_target" CHECK (not ("commission_rules"."supplier_id" is not null and "commission_rules"."category_id" is not null)),
	CONSTRAINT "commission_rules_percent" CHECK ("commission_rules"."percent_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "supplier_order_part_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"part_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"product_id" uuid,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"quantity" numeric(14, 4) NOT NULL,
	"unit_minor" bigint NOT NULL,
	"line_total_minor" bigint NOT NULL,
	"commission_bp" integer NOT NULL,
	"commission_rule_id" uuid,
	"commission_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_order_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"b2b_order_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"status" "supplier_part_status" DEFAULT 'new' NOT NULL,
	"currency" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"commission_minor" bigint NOT NULL,
	"reject_reason" text,
	"carrier" text,
	"tracking_number" text,
	"confirmed_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_part_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"part_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"storage_key" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_statement_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"part_id" uuid,
	"part_number" text NOT NULL,
	"company_name" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"sales_minor" bigint NOT NULL,
	"commission_minor" bigint NOT NULL,
	"payout_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"currency" text NOT NULL,
	"parts_count" integer NOT NULL,
	"sales_minor" bigint NOT NULL,
	"commission_minor" bigint NOT NULL,
	"payout_minor" bigint NOT NULL,
	"payout_status" "supplier_payout_status" DEFAULT 'pending' NOT NULL,
	"paid_at" date,
	"payment_reference" text,
	"paid_by" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_order_part_lines" ADD CONSTRAINT "supplier_order_part_lines_part_id_supplier_order_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."supplier_order_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_order_part_lines" ADD CONSTRAINT "supplier_order_part_lines_order_line_id_b2b_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."b2b_order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_order_part_lines" ADD CONSTRAINT "supplier_order_part_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_order_parts" ADD CONSTRAINT "supplier_order_parts_b2b_order_id_b2b_orders_id_fk" FOREIGN KEY ("b2b_order_id") REFERENCES "public"."b2b_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_order_parts" ADD CONSTRAINT "supplier_order_parts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_order_parts" ADD CONSTRAINT "supplier_order_parts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_part_documents" ADD CONSTRAINT "supplier_part_documents_part_id_supplier_order_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."supplier_order_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_part_documents" ADD CONSTRAINT "supplier_part_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_statement_rows" ADD CONSTRAINT "supplier_statement_rows_statement_id_supplier_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."supplier_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_statement_rows" ADD CONSTRAINT "supplier_statement_rows_part_id_supplier_order_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."supplier_order_parts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_statements" ADD CONSTRAINT "supplier_statements_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_statements" ADD CONSTRAINT "supplier_statements_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commission_rules_supplier_key" ON "commission_rules" USING btree ("supplier_id") WHERE "commission_rules"."supplier_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "commission_rules_category_key" ON "commission_rules" USING btree ("category_id") WHERE "commission_rules"."category_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "commission_rules_default_key" ON "commission_rules" USING btree ((true)) WHERE "commission_rules"."supplier_id" is null and "commission_rules"."category_id" is null;--> statement-breakpoint
CREATE INDEX "supplier_order_part_lines_part_idx" ON "supplier_order_part_lines" USING btree ("part_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_order_parts_order_supplier_key" ON "supplier_order_parts" USING btree ("b2b_order_id","supplier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_order_parts_number_key" ON "supplier_order_parts" USING btree ("number");--> statement-breakpoint
CREATE INDEX "supplier_order_parts_supplier_idx" ON "supplier_order_parts" USING btree ("supplier_id","status","created_at");--> statement-breakpoint
CREATE INDEX "supplier_order_parts_delivered_idx" ON "supplier_order_parts" USING btree ("supplier_id","delivered_at");--> statement-breakpoint
CREATE INDEX "supplier_part_documents_part_idx" ON "supplier_part_documents" USING btree ("part_id");--> statement-breakpoint
CREATE INDEX "supplier_statement_rows_statement_idx" ON "supplier_statement_rows" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_statements_period_key" ON "supplier_statements" USING btree ("supplier_id","period_start","currency");--> statement-breakpoint
CREATE INDEX "supplier_statements_status_idx" ON "supplier_statements" USING btree ("payout_status","period_start");