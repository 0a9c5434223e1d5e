CREATE TYPE "public"."b2b_availability" AS ENUM('in_stock', 'later');--> statement-breakpoint
CREATE TYPE "public"."b2b_order_source" AS ENUM('online', 'offline');--> statement-breakpoint
CREATE TYPE "public"."b2b_order_status" AS ENUM('new', 'confirmed', 'assembling', 'shipped', 'delivered', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."b2b_shipment_status" AS ENUM('planned', 'assembling', 'shipped', 'delivered', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."cart_status" AS ENUM('open', 'saved', 'ordered');--> statement-breakpoint
CREATE TYPE "public"."b2b_delivery_method" AS ENUM('pickup', 'delivery');--> statement-breakpoint
CREATE TYPE "public"."b2b_document_source" AS ENUM('generated', 'staff', 'imported');--> statement-breakpoint
CREATE TYPE "public"."b2b_document_kind" AS ENUM('invoice', 'waybill', 'upd', 'vat_invoice', 'contract', 'other');--> statement-breakpoint
CREATE SEQUENCE "public"."b2b_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1001 CACHE 1;--> statement-breakpoint
CREATE TABLE "b2b_order_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"shipment_id" uuid,
	"kind" "b2b_document_kind" NOT NULL,
	"number" text,
	"file_name" text NOT NULL,
	"content_type" text DEFAULT 'application/pdf' NOT NULL,
	"content" "bytea" NOT NULL,
	"size_bytes" integer DEFAULT 0 NOT NULL,
	"source" "b2b_document_source" DEFAULT 'generated' NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "b2b_order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "b2b_order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"variant_id" uuid,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"ratio" numeric(14, 4) DEFAULT '1' NOT NULL,
	"quantity" numeric(14, 4) NOT NULL,
	"unit_minor" bigint NOT NULL,
	"line_total_minor" bigint NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "b2b_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"checkout_id" uuid,
	"availability" "b2b_availability" DEFAULT 'in_stock' NOT NULL,
	"company_id" uuid NOT NULL,
	"buyer_id" uuid,
	"status" "b2b_order_status" DEFAULT 'new' NOT NULL,
	"source" "b2b_order_source" DEFAULT 'online' NOT NULL,
	"delivery_method" "b2b_delivery_method" DEFAULT 'pickup' NOT NULL,
	"address_id" uuid,
	"consignee" text,
	"address" text,
	"shipment_date" date,
	"warehouse_id" uuid,
	"currency" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"vat_minor" bigint DEFAULT 0 NOT NULL,
	"comment" text,
	"erp_id" text,
	"reserved_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "b2b_shipment_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"quantity" numeric(14, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "b2b_shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"number" text NOT NULL,
	"status" "b2b_shipment_status" DEFAULT 'planned' NOT NULL,
	"warehouse_id" uuid,
	"planned_date" date,
	"shipped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cart_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cart_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"quantity" numeric(14, 4) NOT NULL,
	"added_unit_minor" bigint,
	"added_currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "cart_status" DEFAULT 'open' NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"consignee" text NOT NULL,
	"address" text NOT NULL,
	"contact_name" text,
	"phone" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"erp_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_balances" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"credit_limit_minor" bigint,
	"debt_minor" bigint DEFAULT 0 NOT NULL,
	"overdue_debt_minor" bigint DEFAULT 0 NOT NULL,
	"days_overdue" integer DEFAULT 0 NOT NULL,
	"bonuses_minor" bigint DEFAULT 0 NOT NULL,
	"payment_schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" uuid,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"order_line_id" uuid,
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"quantity" numeric(14, 4) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	"release_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "b2b_order_documents" ADD CONSTRAINT "b2b_order_documents_order_id_b2b_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."b2b_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_order_documents" ADD CONSTRAINT "b2b_order_documents_shipment_id_b2b_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."b2b_shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_order_documents" ADD CONSTRAINT "b2b_order_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_order_events" ADD CONSTRAINT "b2b_order_events_order_id_b2b_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."b2b_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_order_events" ADD CONSTRAINT "b2b_order_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_order_lines" ADD CONSTRAINT "b2b_order_lines_order_id_b2b_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."b2b_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_order_lines" ADD CONSTRAINT "b2b_order_lines_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_address_id_company_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."company_addresses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_orders" ADD CONSTRAINT "b2b_orders_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_shipment_lines" ADD CONSTRAINT "b2b_shipment_lines_shipment_id_b2b_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."b2b_shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_shipment_lines" ADD CONSTRAINT "b2b_shipment_lines_order_line_id_b2b_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."b2b_order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_shipments" ADD CONSTRAINT "b2b_shipments_order_id_b2b_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."b2b_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "b2b_shipments" ADD CONSTRAINT "b2b_shipments_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_addresses" ADD CONSTRAINT "company_addresses_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_balances" ADD CONSTRAINT "company_balances_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_requests" ADD CONSTRAINT "reconciliation_requests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_requests" ADD CONSTRAINT "reconciliation_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_order_id_b2b_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."b2b_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_order_line_id_b2b_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."b2b_order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "b2b_order_documents_order_idx" ON "b2b_order_documents" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "b2b_order_events_order_idx" ON "b2b_order_events" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "b2b_order_lines_order_idx" ON "b2b_order_lines" USING btree ("order_id","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_orders_number_key" ON "b2b_orders" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "b2b_orders_erp_id_key" ON "b2b_orders" USING btree ("erp_id");--> statement-breakpoint
CREATE INDEX "b2b_orders_company_idx" ON "b2b_orders" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "b2b_orders_status_idx" ON "b2b_orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "b2b_orders_checkout_idx" ON "b2b_orders" USING btree ("checkout_id");--> statement-breakpoint
CREATE INDEX "b2b_shipment_lines_shipment_idx" ON "b2b_shipment_lines" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "b2b_shipments_order_idx" ON "b2b_shipments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cart_lines_cart_variant_unit_key" ON "cart_lines" USING btree ("cart_id","variant_id","unit");--> statement-breakpoint
CREATE INDEX "carts_user_idx" ON "carts" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "carts_one_active_key" ON "carts" USING btree ("user_id") WHERE "carts"."is_active";--> statement-breakpoint
CREATE INDEX "company_addresses_company_idx" ON "company_addresses" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "reconciliation_requests_company_idx" ON "reconciliation_requests" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_reservations_order_idx" ON "stock_reservations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "stock_reservations_open_idx" ON "stock_reservations" USING btree ("expires_at") WHERE "stock_reservations"."released_at" is null;