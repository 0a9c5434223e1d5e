"use client";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { CategoryNode } from "@/server/domain/catalog/category-tree";

/** The ids from the root to the node with `slug`, or [] when not found. */
export function pathToSlug(nodes: CategoryNode[], slug: string | undefined): CategoryNode[] {
  if (!slug) return [];
  for (const node of nodes) {
    if (node.slug === slug) return [node];
    const below = pathToSlug(node.children, slug);
    if (below.length) return [node, ...below];
  }
  return [];
}

function Node({ node, activePath, onSelect }: { node: CategoryNode; activePath: string[]; onSelect: (slug: string | null) => void }) {
  const format = useFormatter();
  const onPath = activePath.includes(node.id);
  const active = activePath[activePath.length - 1] === node.id;
  const [open, setOpen] = useState(onPath);
  const Icon = open ? ChevronDown : ChevronRight;
  return (
    <li>
      <div className={cn("flex items-center rounded-md text-sm", active ? "bg-primary/10 text-primary font-medium" : "hover:bg-accent")}>
        {node.children.length > 0 ? (
          <button type="button" className="text-muted-foreground p-1" onClick={() => setOpen(!open)} aria-expanded={open} aria-label={node.name}>
            <Icon className="size-3.5" />
          </button>
        ) : (
          <span className="w-5.5" />
        )}
        <button type="button" className="flex min-w-0 flex-1 items-center justify-between gap-2 py-1.5 pr-2 text-left" onClick={() => onSelect(node.slug)} data-testid="category-link" data-slug={node.slug} aria-current={active ? "page" : undefined}>
          <span className="truncate">{node.name}</span>
          <span className="text-muted-foreground text-xs tabular-nums">{format.number(node.productCount)}</span>
        </button>
      </div>
      {open && node.children.length > 0 && (
        <ul className="ml-3 border-l pl-1">
          {node.children.map((child) => (
            <Node key={child.id} node={child} activePath={activePath} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The category tree with product counts; the chosen section's branch is open. */
export function CategorySidebar({ tree, activeSlug, onSelect }: { tree: CategoryNode[]; activeSlug?: string; onSelect: (slug: string | null) => void }) {
  const t = useTranslations("catalog");
  const activePath = pathToSlug(tree, activeSlug).map((n) => n.id);
  return (
    <nav aria-label={t("categories")} data-testid="category-tree">
      <button type="button" className={cn("mb-1 w-full rounded-md px-2 py-1.5 text-left text-sm", !activeSlug ? "bg-primary/10 text-primary font-medium" : "hover:bg-accent")} onClick={() => onSelect(null)}>
        {t("allProducts")}
      </button>
      <ul className="space-y-0.5">
        {tree.map((node) => (
          <Node key={`${node.id}-${activeSlug ?? ""}`} node={node} activePath={activePath} onSelect={onSelect} />
        ))}
      </ul>
    </nav>
  );
}
