ALTER TABLE "orders" ADD COLUMN "manager_id" uuid;--> statement-breakpoint
UPDATE "orders" o SET "manager_id" = c."manager_id" FROM "customers" c WHERE c."id" = o."customer_id" AND c."manager_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_manager_created_idx" ON "orders" USING btree ("manager_id","created_at","number");--> statement-breakpoint
CREATE INDEX "orders_manager_status_created_idx" ON "orders" USING btree ("manager_id","status","created_at","number");--> statement-breakpoint
CREATE FUNCTION "orders_take_customer_manager"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c."manager_id" INTO NEW."manager_id" FROM "customers" c WHERE c."id" = NEW."customer_id";
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "orders_manager_on_insert" BEFORE INSERT ON "orders" FOR EACH ROW EXECUTE FUNCTION "orders_take_customer_manager"();--> statement-breakpoint
CREATE TRIGGER "orders_manager_on_customer_change" BEFORE UPDATE OF "customer_id" ON "orders" FOR EACH ROW EXECUTE FUNCTION "orders_take_customer_manager"();--> statement-breakpoint
CREATE FUNCTION "customers_push_manager_to_orders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "orders" SET "manager_id" = NEW."manager_id" WHERE "customer_id" = NEW."id";
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "customers_manager_reassigned" AFTER UPDATE OF "manager_id" ON "customers" FOR EACH ROW WHEN (OLD."manager_id" IS DISTINCT FROM NEW."manager_id") EXECUTE FUNCTION "customers_push_manager_to_orders"();
