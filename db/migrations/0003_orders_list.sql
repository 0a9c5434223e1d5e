DROP INDEX "orders_status_created_idx";--> statement-breakpoint
DROP INDEX "orders_created_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "call_center_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "call_center_contact_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "orders_status_created_number_idx" ON "orders" USING btree ("status","created_at","number");--> statement-breakpoint
CREATE INDEX "orders_created_number_idx" ON "orders" USING btree ("created_at","number");--> statement-breakpoint
CREATE INDEX "orders_shop_order_id_idx" ON "orders" USING btree ("shop_order_id");--> statement-breakpoint
CREATE INDEX "orders_email_prefix_idx" ON "orders" USING btree (("customer_email" collate "C"));--> statement-breakpoint
CREATE INDEX "orders_last_name_prefix_idx" ON "orders" USING btree ((lower("customer_last_name") collate "C"));--> statement-breakpoint
CREATE INDEX "orders_first_name_prefix_idx" ON "orders" USING btree ((lower("customer_first_name") collate "C"));--> statement-breakpoint
CREATE INDEX "orders_phone_digits_idx" ON "orders" USING btree ((regexp_replace("customer_phone", '\D', '', 'g') collate "C"));