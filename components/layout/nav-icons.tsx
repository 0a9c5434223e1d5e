import {
  ArrowLeftRight,
  Boxes, Building2, LayoutDashboard, type LucideIcon, Package, Settings, ShieldCheck, ShoppingBag, ShoppingCart, Store, UserCog, Users, FileText, Globe, Coins, Mail, FilePenLine, Truck, CreditCard, Tags, Calculator, MapPin, Warehouse, ClipboardList, Heart,
} from "lucide-react";
import type { NavIcon } from "@/server/auth/navigation";

export const NAV_ICONS: Record<NavIcon, LucideIcon> = {
  dashboard: LayoutDashboard,
  orders: ShoppingBag,
  customers: Users,
  catalog: Boxes,
  moderation: ShieldCheck,
  companies: Building2,
  users: UserCog,
  settings: Settings,
  cart: ShoppingCart,
  documents: FileText,
  products: Package,
  account: Store,
  shops: Globe,
  fx: Coins,
  mail: Mail,
  templates: FilePenLine,
  shippers: Truck,
  processors: CreditCard,
  pricing: Tags,
  priceCheck: Calculator,
  regions: MapPin,
  warehouses: Warehouse,
  applications: ClipboardList,
  favorites: Heart,
  exchange: ArrowLeftRight,
};
