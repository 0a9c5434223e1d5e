import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

export interface FeedProduct {
  id: string;
  sku: string;
  name: string;
  slug: string;
  description: string | null;
  brand: string | null;
  barcode: string | null;
  categoryId: string | null;
  image: string | null;
  priceMinor: number;
  currency: string;
  stock: number;
}

export interface FeedCategory {
  id: string;
  parentId: string | null;
  name: string;
}

const uuidArray = (ids: string[]) => (ids.length ? sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]` : sql`array[]::uuid[]`);

/**
 * Published products under the filters (brands; sections with their subtrees), each with its
 * default variant's price of the feed's price type and free stock over active warehouses.
 * Products without such a price are left out (a feed offer must have a price).
 */
export async function feedProducts(db: Db, filter: { priceTypeId: string; brandIds: string[]; categoryIds: string[] }): Promise<FeedProduct[]> {
  const rows = rowsOf<{ id: string; sku: string; name: string; slug: string; description: string | null; brand: string | null; barcode: string | null; category_id: string | null; image: string | null; amount_minor: string | number; currency: string; stock: string | number }>(
    await db.execute(sql`
      select p.id, p.sku, p.name, p.slug, p.description, b.name as brand, p.barcode, p.main_category_id as category_id,
             (select i.url from product_images i where i.product_id = p.id order by i.sort limit 1) as image,
             pr.amount_minor, pr.currency,
             (select coalesce(sum(greatest(s.quantity - s.reserved, 0)), 0) from stock s join warehouses w on w.id = s.warehouse_id and w.is_active
               where s.variant_id = v.id) as stock
      from products p
      join lateral (select v.id from product_variants v where v.product_id = p.id order by v.is_default desc, v.sort, v.sku limit 1) v on true
      join prices pr on pr.variant_id = v.id and pr.price_type_id = ${filter.priceTypeId}
      left join brands b on b.id = p.brand_id
      where p.status = 'published'
        and (cardinality(${uuidArray(filter.brandIds)}) = 0 or p.brand_id = any(${uuidArray(filter.brandIds)}))
        and (cardinality(${uuidArray(filter.categoryIds)}) = 0 or exists (select 1 from product_categories pc where pc.product_id = p.id and pc.category_id = any(${uuidArray(filter.categoryIds)})))
      order by p.sku`),
  );
  return rows.map((r) => ({
    id: r.id, sku: r.sku, name: r.name, slug: r.slug, description: r.description, brand: r.brand, barcode: r.barcode, categoryId: r.category_id, image: r.image,
    priceMinor: Number(r.amount_minor), currency: r.currency, stock: Number(r.stock),
  }));
}

/** Every section, parents first (YML lists the whole tree its offers point into). */
export async function feedCategories(db: Db): Promise<FeedCategory[]> {
  return rowsOf<{ id: string; parent_id: string | null; name: string }>(await db.execute(sql`select id, parent_id, name from categories order by depth, sort, name`)).map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
  }));
}
