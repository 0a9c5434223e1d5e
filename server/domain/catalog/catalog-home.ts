import type { Db } from "@/db/client";
import type { CatalogViewer } from "./buyer-context";
import { categoryTree, type CategoryNode } from "./category-tree";
import { newProductIds } from "./product-card";
import { loadTiles, type ProductTile } from "./product-tiles";

/** The /b2b landing: the top-level sections with their subsections, and the "New" slider. */
export async function catalogHome(db: Db, viewer: CatalogViewer): Promise<{ sections: CategoryNode[]; newProducts: ProductTile[] }> {
  const tree = await categoryTree(db);
  const sections = tree.map((root) => ({ ...root, children: root.children.map((c) => ({ ...c, children: [] })) }));
  return { sections, newProducts: await loadTiles(db, viewer, await newProductIds(db)) };
}
