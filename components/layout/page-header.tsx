import Link from "next/link";
import { ChevronRight } from "lucide-react";

export interface Crumb {
  label: string;
  href?: string;
}

/** Velzon's page title bar: upper-case title on the left, breadcrumbs on the right. */
export function PageHeader({ title, crumbs = [], actions }: { title: string; crumbs?: Crumb[]; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-base font-semibold tracking-wide uppercase" data-testid="page-title">
        {title}
      </h1>
      <div className="flex items-center gap-4">
        {actions}
        {crumbs.length > 0 && (
          <nav aria-label="Breadcrumb" className="text-muted-foreground flex items-center gap-1 text-sm">
            {crumbs.map((crumb, index) => (
              <span key={`${crumb.label}-${index}`} className="flex items-center gap-1">
                {index > 0 && <ChevronRight className="size-3.5" />}
                {crumb.href ? (
                  <Link href={crumb.href} className="hover:text-foreground">
                    {crumb.label}
                  </Link>
                ) : (
                  <span className={index === crumbs.length - 1 ? "text-foreground" : undefined}>{crumb.label}</span>
                )}
              </span>
            ))}
          </nav>
        )}
      </div>
    </div>
  );
}
