import { eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { categories } from "@/db/schema";

export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
  depth: number;
  imageUrl: string | null;
  /** Published products in the subtree (each counted once even if it sits in two sections). */
  productCount: number;
  children: CategoryNode[];
}

/** The whole tree with subtree product counts (product_categories holds ancestor rows). */
export async function categoryTree(db: Db): Promise<CategoryNode[]> {
  const rows = rowsOf<{ id: string; parent_id: string | null; name: string; slug: string; depth: number; image_url: string | null; n: number }>(
    await db.execute(sql`select c.id, c.parent_id, c.name, c.slug, c.depth, c.image_url, coalesce(n.n, 0)::int as n
      from categories c
      left join (select pc.category_id, count(*) as n from product_categories pc join products p on p.id = pc.product_id and p.status = 'published' group by pc.category_id) n
        on n.category_id = c.id
      order by c.depth, c.sort, c.name`),
  );
  const nodes = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const r of rows) {
    const node: CategoryNode = { id: r.id, parentId: r.parent_id, name: r.name, slug: r.slug, depth: Number(r.depth), imageUrl: r.image_url, productCount: Number(r.n), children: [] };
    nodes.set(r.id, node);
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export interface CategoryCrumb {
  id: string;
  name: string;
  slug: string;
}

/** A category by slug with its ancestors (for breadcrumbs), or null. */
export async function categoryBySlug(db: Db, slug: string): Promise<{ id: string; name: string; slug: string; path: CategoryCrumb[] } | null> {
  const [row] = await db.select().from(categories).where(eq(categories.slug, slug));
  if (!row) return null;
  const ids = row.path.split("/").filter(Boolean);
  const ancestors = ids.length ? rowsOf<CategoryCrumb>(await db.execute(sql`select id, name, slug from categories where id = any(${`{${ids.join(",")}}`}::uuid[])`)) : [];
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  return { id: row.id, name: row.name, slug: row.slug, path: ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) };
}
