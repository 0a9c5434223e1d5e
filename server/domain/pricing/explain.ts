import { fromMinorUnits } from "../money/money";
import type { PricedLine, PriceStep } from "./types";

/**
 * Turns the resolver's steps into sentences a manager can read to a client, in English and
 * Russian. Pure (no server imports), so the price-check panel formats in the browser with the
 * same words the tests pin.
 */
export type ExplainLocale = "en" | "ru";

type Params = PriceStep["params"];

export function formatMoney(amountMinor: number, currency: string, locale: ExplainLocale): string {
  const [whole = "0", fraction] = fromMinorUnits(amountMinor, currency).split(".");
  const negative = whole.startsWith("-");
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "ru" ? "\u00a0" : ",");
  const decimal = fraction ? (locale === "ru" ? "," : ".") + fraction : "";
  return `${negative ? "-" : ""}${grouped}${decimal} ${currency}`;
}

const str = (params: Params, key: string): string => String(params[key] ?? "");
const num = (params: Params, key: string): number => Number(params[key] ?? 0);
const money = (params: Params, key: string, locale: ExplainLocale) => formatMoney(num(params, key), str(params, "currency"), locale);

function signed(percent: string): string {
  return percent.startsWith("-") ? `−${percent.slice(1)}` : `+${percent}`;
}

function discountTarget(p: Params, locale: ExplainLocale): string {
  const ru = locale === "ru";
  switch (str(p, "target")) {
    case "category":
      return ru ? `категорию ${str(p, "category")}` : `category ${str(p, "category")}`;
    case "brand":
      return ru ? `бренд ${str(p, "brand")}` : `brand ${str(p, "brand")}`;
    case "category_brand":
      return ru ? `бренд ${str(p, "brand")} в категории ${str(p, "category")}` : `brand ${str(p, "brand")} in category ${str(p, "category")}`;
    default:
      return ru ? `артикул ${str(p, "sku")}` : `SKU ${str(p, "sku")}`;
  }
}

function conflictNote(p: Params, locale: ExplainLocale): string {
  const n = num(p, "candidates");
  if (n <= 1) return "";
  const ru = locale === "ru";
  if (str(p, "conflict") === "priority") {
    return ru ? ` (приоритет ${num(p, "priority")}, первая из ${n} подходящих)` : ` (priority ${num(p, "priority")}, first of ${n} applicable)`;
  }
  return ru ? ` (наибольшая из ${n} подходящих)` : ` (largest of ${n} applicable)`;
}

function massSlice(p: Params, locale: ExplainLocale): string {
  const ru = locale === "ru";
  const parts: string[] = [];
  if (p.brand !== undefined) parts.push(str(p, "brand"));
  if (p.line !== undefined) parts.push(ru ? `серия ${str(p, "line")}` : `line ${str(p, "line")}`);
  if (p.category !== undefined) parts.push(ru ? `категория ${str(p, "category")}` : `category ${str(p, "category")}`);
  if (p.region !== undefined) parts.push(ru ? `в регионе ${str(p, "region")}` : `in ${str(p, "region")}`);
  return parts.length > 0 ? parts.join(" ") : ru ? "все товары" : "all products";
}

/** One step as a sentence. */
export function formatStep(step: PriceStep, locale: ExplainLocale = "en"): string {
  const p = step.params;
  const ru = locale === "ru";
  switch (step.code) {
    case "access.basic":
      return ru ? "Уровень доступа 1: общие цены, без индивидуальных цен и скидок" : "Access level 1: public prices, no individual prices or discounts";
    case "variant.unknown":
      return ru ? "Товар не найден" : "Unknown product";
    case "price.noType":
      return ru ? "Не настроен ни один тип цен" : "No price type is set up";
    case "base.contract":
      return ru ? `Базовая цена: ${str(p, "type")} (договор №${str(p, "contract")})` : `Base price: ${str(p, "type")} (contract №${str(p, "contract")})`;
    case "base.company":
      return ru ? `Базовая цена: ${str(p, "type")} (компания ${str(p, "company")})` : `Base price: ${str(p, "type")} (company ${str(p, "company")})`;
    case "base.holding":
      return ru ? `Базовая цена: ${str(p, "type")} (холдинг ${str(p, "holding")})` : `Base price: ${str(p, "type")} (holding ${str(p, "holding")})`;
    case "base.region":
      return ru ? `Базовая цена: ${str(p, "type")} (регион ${str(p, "region")})` : `Base price: ${str(p, "type")} (region ${str(p, "region")})`;
    case "base.default":
      return ru ? `Базовая цена: ${str(p, "type")} (по умолчанию)` : `Base price: ${str(p, "type")} (default)`;
    case "tier.applied":
      return ru
        ? `Сумма корзины ${money(p, "cartTotalMinor", locale)} достигла порога «${str(p, "tier")}» (от ${money(p, "thresholdMinor", locale)}): тип цен ${str(p, "type")}`
        : `Cart total ${money(p, "cartTotalMinor", locale)} reached tier “${str(p, "tier")}” (from ${money(p, "thresholdMinor", locale)}): price type ${str(p, "type")}`;
    case "tier.notReached":
      return ru
        ? `Порог «${str(p, "tier")}» (${str(p, "type")}) от ${money(p, "thresholdMinor", locale)} не достигнут: сумма корзины ${money(p, "cartTotalMinor", locale)}`
        : `Tier “${str(p, "tier")}” (${str(p, "type")}) from ${money(p, "thresholdMinor", locale)} not reached: cart total ${money(p, "cartTotalMinor", locale)}`;
    case "tier.noPrice":
      return ru
        ? `Порог «${str(p, "tier")}» достигнут, но у товара нет цены ${str(p, "type")}: оставлен базовый тип`
        : `Tier “${str(p, "tier")}” reached, but the item has no ${str(p, "type")} price: base type kept`;
    case "price.missing":
      return ru ? `Нет цены ${str(p, "type")}: товар недоступен` : `No ${str(p, "type")} price: not available`;
    case "unit.unknown":
      return ru ? `Неизвестная единица измерения ${str(p, "unit")}` : `Unknown unit ${str(p, "unit")}`;
    case "price.base":
      if (p.ratio !== undefined) {
        return ru
          ? `Цена ${money(p, "amountMinor", locale)} за базовую единицу × ${str(p, "ratio")} в ${str(p, "unit")}`
          : `Price ${money(p, "amountMinor", locale)} per base unit × ${str(p, "ratio")} per ${str(p, "unit")}`;
      }
      return ru ? `Цена ${money(p, "amountMinor", locale)}` : `Price ${money(p, "amountMinor", locale)}`;
    case "discount.applied":
      return ru
        ? `Скидка ${str(p, "percent")}% на ${discountTarget(p, locale)}${conflictNote(p, locale)}, правило «${str(p, "rule")}»`
        : `Discount ${str(p, "percent")}% on ${discountTarget(p, locale)}${conflictNote(p, locale)}, rule “${str(p, "rule")}”`;
    case "discount.skipped": {
      const why =
        str(p, "conflict") === "priority" ? (ru ? "у другой скидки выше приоритет" : "another discount has a higher priority") : ru ? "другая скидка больше" : "a larger discount won";
      return ru
        ? `Не применена: скидка ${str(p, "percent")}% на ${discountTarget(p, locale)}, правило «${str(p, "rule")}» — ${why}`
        : `Not applied: discount ${str(p, "percent")}% on ${discountTarget(p, locale)}, rule “${str(p, "rule")}” — ${why}`;
    }
    case "mass.applied":
      return ru ? `Массовое правило ${signed(str(p, "percent"))}%: ${massSlice(p, locale)}` : `Mass rule ${signed(str(p, "percent"))}%: ${massSlice(p, locale)}`;
    case "currency.converted":
      return ru ? `Пересчёт ${str(p, "from")}→${str(p, "to")} по курсу ${str(p, "rate")}` : `Converted ${str(p, "from")}→${str(p, "to")} at ${str(p, "rate")}`;
    case "currency.noRate":
      return ru ? `Нет курса ${str(p, "from")}→${str(p, "to")} на ${str(p, "day")}: товар недоступен` : `No ${str(p, "from")}→${str(p, "to")} rate on ${str(p, "day")}: not available`;
    case "price.final":
      return ru ? `Итоговая цена: ${money(p, "amountMinor", locale)}` : `Final price: ${money(p, "amountMinor", locale)}`;
    default:
      return step.code;
  }
}

/** A line's whole explanation, one sentence per step. */
export function explainLine(line: Pick<PricedLine, "steps">, locale: ExplainLocale = "en"): string[] {
  return line.steps.map((step) => formatStep(step, locale));
}
