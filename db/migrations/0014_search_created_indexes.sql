DROP INDEX "orders_email_prefix_idx";--> statement-breakpoint
DROP INDEX "orders_last_name_prefix_idx";--> statement-breakpoint
DROP INDEX "orders_first_name_prefix_idx";--> statement-breakpoint
DROP INDEX "orders_phone_digits_idx";--> statement-breakpoint
CREATE INDEX "orders_email_prefix_idx" ON "orders" USING btree (("customer_email" collate "C"),"created_at");--> statement-breakpoint
CREATE INDEX "orders_last_name_prefix_idx" ON "orders" USING btree ((lower("customer_last_name") collate "C"),"created_at");--> statement-breakpoint
CREATE INDEX "orders_first_name_prefix_idx" ON "orders" USING btree ((lower("customer_first_name") collate "C"),"created_at");--> statement-breakpoint
CREATE INDEX "orders_phone_digits_idx" ON "orders" USING btree ((regexp_replace("customer_phone", '\D', '', 'g') collate "C"),"created_at");
