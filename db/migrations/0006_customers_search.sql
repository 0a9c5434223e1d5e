CREATE INDEX "customers_manager_created_idx" ON "customers" USING btree ("manager_id","created_at","id");--> statement-breakpoint
CREATE INDEX "customers_orders_count_idx" ON "customers" USING btree ("orders_count","id");--> statement-breakpoint
CREATE INDEX "customers_total_usd_idx" ON "customers" USING btree ("total_usd_minor","id");--> statement-breakpoint
CREATE INDEX "customers_sort_name_idx" ON "customers" USING btree ((lower("last_name" || ' ' || "first_name") collate "C"),"id");--> statement-breakpoint
CREATE INDEX "customers_full_name_idx" ON "customers" USING btree ((lower("first_name" || ' ' || "last_name") collate "C"));--> statement-breakpoint
CREATE INDEX "customers_email_prefix_idx" ON "customers" USING btree (("email" collate "C"));--> statement-breakpoint
CREATE INDEX "customers_blocked_idx" ON "customers" USING btree ("created_at","id") WHERE "customers"."status" = 'blocked';--> statement-breakpoint
CREATE INDEX "customers_phone_digits_idx" ON "customers" USING btree ((regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g') collate "C"));