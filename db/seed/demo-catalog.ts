import { count, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "../client";
import { priceTypes, products, regions, warehouses } from "../schema";
import { BRANDS, COMMON_KINDS, KINDS, PROFILE_KINDS, SECTIONS, type BrandDef, type KindDef, type Profile } from "./demo-catalog-data";
import { seededRandom } from "./random";

type Random = ReturnType<typeof seededRandom>;
type Row = Record<string, unknown>;

/** The demo catalog's size: 160 leaf sections × 31 ≈ 5,000 products. */
export const DEMO_PRODUCTS_PER_LEAF = 31;

export const DEMO_PRICE_TYPES = [
  { code: "retail", name: "Розница", rank: 0, isDefault: true, factor: 1 },
  { code: "small_wholesale", name: "Мелкий опт", rank: 1, isDefault: false, factor: 0.93 },
  { code: "wholesale", name: "Опт", rank: 2, isDefault: false, factor: 0.87 },
  { code: "big_wholesale", name: "Крупный опт", rank: 3, isDefault: false, factor: 0.8 },
] as const;

const DEMO_WAREHOUSES = [
  { code: "msk-south", name: "Москва, склад Южный", region: "moscow", address: "Москва, Варшавское ш., 170Г" },
  { code: "msk-north", name: "Москва, склад Северный", region: "moscow", address: "Москва, Дмитровское ш., 157" },
  { code: "spb-main", name: "Санкт-Петербург, склад Парнас", region: "spb", address: "Санкт-Петербург, 4-й Верхний пер., 1" },
] as const;

/** Retail price ranges per base unit, in roubles. */
const PRICE_RANGE: Record<Profile, [number, number]> = {
  cable: [25, 420], conduit: [20, 900], wiring: [90, 1600], breaker: [160, 6500], relay: [450, 12000], light: [350, 9000], lamp: [45, 650],
  enclosure: [300, 16000], terminal: [4, 180], tool: [250, 26000], meter: [600, 32000], heating: [900, 42000], extension: [220, 21000],
};

/** Deterministic uuids from the seeded random, so a fresh demo has the same ids every time. */
function uuidFrom(random: Random): string {
  const h = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  h[12] = "4";
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Bulk insert through ONE json parameter per chunk (json_populate_recordset): on PGlite this is
 * several times faster than multi-row VALUES with thousands of bind parameters.
 */
async function bulkInsert(db: Db, table: string, columns: string[], rows: Row[], chunk = 4000): Promise<void> {
  const cols = sql.raw(columns.map((c) => `"${c}"`).join(", "));
  const started = Date.now();
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.execute(sql`insert into ${sql.raw(`"${table}"`)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.raw(`"${table}"`)}, ${JSON.stringify(part)}::json) on conflict do nothing`);
  }
  if (process.env.SEED_PROFILE) console.log(table, rows.length, Date.now() - started);
}

/**
 * Loads with the tables' secondary indexes (not the primary/unique constraints) dropped and
 * re-created afterwards from their own definitions: building a GIN or B-tree index once over the
 * loaded rows is several times faster than maintaining it row by row, on PGlite above all.
 */
async function withoutSecondaryIndexes(db: Db, tables: string[], work: () => Promise<void>): Promise<void> {
  const indexes = rowsOf<{ indexname: string; indexdef: string }>(
    await db.execute(sql`select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any(${`{${tables.join(",")}}`}::text[])
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`),
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname}"`));
  await work();
  for (const index of indexes) await db.execute(sql.raw(index.indexdef));
}

function roundTo(value: number, step: number): number {
  return Math.round(Math.round(value / step) * step * 100) / 100;
}

/** Narrower number ranges where the kind's overall range would be silly (a 2,000 W lamp). */
const PROFILE_RANGES: Partial<Record<Profile, Record<string, [number, number]>>> = {
  lamp: { power: [3, 40], flux: [250, 4000], weight: [0.02, 0.3] },
  light: { power: [6, 300], flux: [500, 40000] },
  wiring: { weight: [0.03, 0.4], power: [100, 3500] },
  breaker: { weight: [0.1, 1.2] },
  tool: { power: [0, 2000] },
  extension: { power: [1000, 3500] },
  heating: { power: [100, 3000] },
};

function pickNumber(random: Random, kind: Extract<KindDef, { type: "number" }>, profile: Profile): number {
  const [min, max] = PROFILE_RANGES[profile]?.[kind.code] ?? [kind.min, kind.max];
  // Skewed towards the low end: most products are small.
  const t = Math.pow(random.next(), 2);
  return Math.max(kind.step, roundTo(min + t * (max - min), kind.step));
}

const fmt = (n: number) => String(n).replace(".", ",");

function specOf(profile: Profile, v: Record<string, string | number>, line: string): string {
  switch (profile) {
    case "cable":
      return `${v.cores ?? 3}x${v.section ?? "2,5"} ${line}`;
    case "wiring":
      return `${line} ${v.current ?? 16}А ${v.color ?? ""}`.trim();
    case "breaker":
      return `${line} ${v.poles ?? "1P"} ${v.curve ?? "C"}${v.current ?? 16} ${v.breaking ?? "4,5"}кА`;
    case "relay":
      return `${line} ${v.current ?? 25}А ${v.voltage ?? 230}В`;
    case "light":
      return `${line} ${fmt(Number(v.power ?? 36))}Вт ${v.cct ?? 4000}К ${v.ip ?? "IP20"}`;
    case "lamp":
      return `${line} ${fmt(Number(v.power ?? 10))}Вт ${v.base ?? "E27"} ${v.cct ?? 4000}К`;
    case "enclosure":
      return `${line} ${v.modules ?? 12} мод. ${v.ip ?? "IP41"}`;
    case "terminal":
      return `${line} ${v.section ?? "2,5"} мм² ${v.color ?? ""}`.trim();
    case "tool":
      return `${line} ${v.power_type === "аккумулятор" ? "аккумуляторный" : ""}`.trim();
    case "meter":
      return `${line} ${v.voltage ?? 230}В ${v.current ?? 60}А`;
    case "heating":
      return `${line} ${fmt(Number(v.power ?? 500))}Вт`;
    case "extension":
      return `${line} ${v.outlets ?? 3} гн. ${fmt(Number(v.length_cord ?? 3))} м`;
    case "conduit":
    default:
      return `${line} ${v.color ?? ""}`.trim();
  }
}

function descriptionOf(noun: string, brand: BrandDef, line: string, profile: Profile, random: Random): string {
  const use: Record<Profile, string> = {
    cable: "для передачи и распределения электроэнергии в стационарных установках, прокладки в жилых и общественных зданиях",
    conduit: "для защиты и организации кабельных трасс в жилых, офисных и производственных помещениях",
    wiring: "для подключения бытовых и офисных электроприборов, в квартирах, офисах и гостиницах",
    breaker: "для защиты электрических цепей от перегрузок и коротких замыканий в распределительных щитах",
    relay: "для управления нагрузками и защиты оборудования в щитах автоматики",
    light: "для общего освещения офисов, магазинов, складов и производственных помещений",
    lamp: "для замены ламп накаливания и люминесцентных ламп в бытовых и офисных светильниках",
    enclosure: "для размещения модульного оборудования и счётчиков в жилых и общественных зданиях",
    terminal: "для надёжного соединения и ответвления проводников при электромонтаже",
    tool: "для профессионального электромонтажа и сервисных работ",
    meter: "для измерения и учёта электрических величин",
    heating: "для основного и дополнительного обогрева помещений",
    extension: "для подключения нескольких потребителей к одной розетке и защиты техники",
  };
  const extras = [
    "Соответствует требованиям технических регламентов ЕАЭС.",
    "Поставляется в индивидуальной упаковке с инструкцией.",
    "Рекомендуется для объектов с повышенными требованиями к надёжности.",
    "Совместимо с аксессуарами серии.",
    "Гарантия производителя подтверждается сертификатом.",
  ];
  return `${noun} ${brand.name} серии ${line} предназначен ${use[profile]}. ${random.pick(extras)} ${random.pick(extras)}`;
}

export interface DemoCatalogResult {
  products: number;
  categories: number;
}

/**
 * The demo wholesale electrical catalog: a 3-level tree (8 × 5 × 4), 36 brands with lines, 60
 * property kinds (26 filterable), ≈5,000 products with variants, units and multiples, prices of
 * the 4 price types, stock in 3 warehouses of 2 regions, badges, images, documents and
 * "recommended" relations. Deterministic (seeded random), bulk-inserted.
 */
export async function seedDemoCatalog(db: Db, options: { productsPerLeaf?: number } = {}): Promise<DemoCatalogResult> {
  const perLeaf = options.productsPerLeaf ?? DEMO_PRODUCTS_PER_LEAF;
  const random = seededRandom(20261123);
  const id = () => uuidFrom(random);

  // Reference data the catalog needs; other areas may have created it already.
  await db
    .insert(priceTypes)
    .values(DEMO_PRICE_TYPES.map(({ factor: _factor, ...t }) => ({ ...t, currency: "RUB" })))
    .onConflictDoNothing({ target: priceTypes.code });
  const [hasDefaultRegion] = await db.select({ n: count() }).from(regions).where(eq(regions.isDefault, true));
  await db
    .insert(regions)
    .values([
      { code: "moscow", name: "Москва и область", isDefault: (hasDefaultRegion?.n ?? 0) === 0 },
      { code: "spb", name: "Санкт-Петербург и область", isDefault: false },
    ])
    .onConflictDoNothing({ target: regions.code });
  const regionRows = await db.select({ id: regions.id, code: regions.code }).from(regions).where(inArray(regions.code, ["moscow", "spb"]));
  const regionId = new Map(regionRows.map((r) => [r.code, r.id]));
  await db
    .insert(warehouses)
    .values(DEMO_WAREHOUSES.map((w) => ({ code: w.code, name: w.name, address: w.address, regionId: regionId.get(w.region) ?? null })))
    .onConflictDoNothing({ target: warehouses.code });
  const warehouseIds = (await db.select({ id: warehouses.id }).from(warehouses).where(inArray(warehouses.code, DEMO_WAREHOUSES.map((w) => w.code)))).map((w) => w.id);
  const typeRows = await db.select({ id: priceTypes.id, code: priceTypes.code }).from(priceTypes).where(inArray(priceTypes.code, DEMO_PRICE_TYPES.map((t) => t.code)));
  const typeId = new Map(typeRows.map((t) => [t.code, t.id]));

  // Brands, property kinds and values.
  const brandRows = BRANDS.map((b, i) => ({ id: id(), name: b.name, slug: b.code.toLowerCase(), erp_id: `demo-brand-${i}` }));
  const kindRows = KINDS.map((k, i) => ({ id: id(), code: k.code, name: k.name, type: k.type, unit: "unit" in k ? (k.unit ?? null) : null, is_filterable: k.filterable, sort: i * 10 }));
  const kindId = new Map(kindRows.map((k) => [k.code, k.id]));
  const valueRows: Row[] = [];
  const valueId = new Map<string, string>();
  for (const k of KINDS) {
    if (k.type !== "enum") continue;
    k.values.forEach((v, i) => {
      const vid = id();
      valueId.set(`${k.code}:${v}`, vid);
      valueRows.push({ id: vid, kind_id: kindId.get(k.code)!, value: v, sort: i });
    });
  }

  // The tree: path holds the ids from the root down, the node's own id included.
  const categoryRows: Row[] = [];
  const leaves: Array<{ id: string; ancestors: string[]; noun: string; profile: Profile; top: (typeof SECTIONS)[number]; sub: string }> = [];
  SECTIONS.forEach((section, si) => {
    const topId = id();
    categoryRows.push({ id: topId, parent_id: null, name: section.name, slug: section.slug, path: `/${topId}/`, depth: 0, sort: si, image_url: `/media/catalog/${section.slug}-1.svg` });
    section.subs.forEach((sub, bi) => {
      const subId = id();
      categoryRows.push({ id: subId, parent_id: topId, name: sub.name, slug: `${section.slug}-${bi + 1}`, path: `/${topId}/${subId}/`, depth: 1, sort: bi, image_url: null });
      sub.leaves.forEach((l, li) => {
        const leafId = id();
        categoryRows.push({ id: leafId, parent_id: subId, name: l.name, slug: `${section.slug}-${bi + 1}-${li + 1}`, path: `/${topId}/${subId}/${leafId}/`, depth: 2, sort: li, image_url: null });
        leaves.push({ id: leafId, ancestors: [topId, subId, leafId], noun: l.noun, profile: sub.profile, top: section, sub: sub.name });
      });
    });
  });

  const productRows: Row[] = [];
  const categoryLinks: Row[] = [];
  const variantRows: Row[] = [];
  const unitRows: Row[] = [];
  const priceRows: Row[] = [];
  const stockRows: Row[] = [];
  const propertyRows: Row[] = [];
  const imageRows: Row[] = [];
  const productsOfLeaf = new Map<string, string[]>();
  const productsOfBrand = new Map<string, string[]>();
  const productsOfProfile = new Map<Profile, string[]>();
  const now = Date.now();
  const day = 86_400_000;
  const kindByCode = new Map(KINDS.map((k) => [k.code, k]));
  let serial = 0;
  let newCount = 0;

  for (const leaf of leaves) {
    const brandsHere = BRANDS.filter((b) => b.profiles.includes(leaf.profile));
    for (let n = 0; n < perLeaf; n += 1) {
      serial += 1;
      const pid = id();
      const brandIndex = BRANDS.indexOf(random.pick(brandsHere));
      const brand = BRANDS[brandIndex]!;
      const line = random.pick(brand.lines);
      const sku = `${brand.code}-${String(100000 + serial * 7 + random.int(0, 6))}`;

      // Properties first: the name is built from them.
      const values: Record<string, string | number> = {};
      const kindsHere = [...new Set([...COMMON_KINDS, ...PROFILE_KINDS[leaf.profile]])];
      for (const code of kindsHere) {
        const kind = kindByCode.get(code)!;
        const kid = kindId.get(code)!;
        if (kind.type === "enum") {
          const value = code === "country" ? brand.country : code === "poles" && leaf.noun.includes(" 1P") ? "1P" : random.pick(kind.values);
          values[code] = value;
          propertyRows.push({ product_id: pid, kind_id: kid, value_id: valueId.get(`${code}:${value}`) ?? null, number_value: null, bool_value: null, text_value: null });
        } else if (kind.type === "number") {
          const value = pickNumber(random, kind, leaf.profile);
          values[code] = value;
          propertyRows.push({ product_id: pid, kind_id: kid, value_id: null, number_value: value, bool_value: null, text_value: null });
        } else if (kind.type === "boolean") {
          propertyRows.push({ product_id: pid, kind_id: kid, value_id: null, number_value: null, bool_value: random.next() < 0.5, text_value: null });
        } else {
          propertyRows.push({ product_id: pid, kind_id: kid, value_id: null, number_value: null, bool_value: null, text_value: random.pick(kind.texts) });
        }
      }
      const name = `${leaf.noun} ${brand.name} ${specOf(leaf.profile, values, line)}`.replace(/\s+/g, " ").trim();

      const badges: string[] = [];
      const isNew = random.next() < 0.03 || (newCount < 12 && serial % 400 === 0);
      if (isNew) {
        badges.push("new");
        newCount += 1;
      }
      if (random.next() < 0.05) badges.push("hit");
      if (random.next() < 0.04) badges.push("sale");
      if (random.next() < 0.02) badges.push("special_price");
      const createdAt = new Date(isNew ? now - random.int(1, 30) * day : now - random.int(60, 720) * day).toISOString();
      const baseUnit = leaf.profile === "cable" || (leaf.profile === "heating" && leaf.noun.startsWith("Кабель")) ? "m" : "pcs";

      productRows.push({
        id: pid,
        sku,
        name,
        slug: sku.toLowerCase(),
        description: descriptionOf(leaf.noun, brand, line, leaf.profile, random),
        brand_id: brandRows[brandIndex]!.id,
        line,
        main_category_id: leaf.id,
        status: "published",
        badges,
        base_unit: baseUnit,
        sales_count: Math.floor(Math.pow(random.next(), 3) * 5000),
        created_at: createdAt,
        updated_at: createdAt,
        erp_id: `demo-${sku}`,
      });

      // Sections: the main leaf, 5 % also a second leaf of the same top section; ancestors too.
      const linked = new Set<string>();
      leaf.ancestors.forEach((cid) => {
        linked.add(cid);
        categoryLinks.push({ category_id: cid, product_id: pid, is_direct: cid === leaf.id });
      });
      if (random.next() < 0.05) {
        const other = random.pick(leaves.filter((l) => l.top === leaf.top && l.id !== leaf.id));
        other.ancestors.forEach((cid) => {
          if (linked.has(cid)) return;
          linked.add(cid);
          categoryLinks.push({ category_id: cid, product_id: pid, is_direct: cid === other.id });
        });
      }
      productsOfLeaf.set(leaf.id, [...(productsOfLeaf.get(leaf.id) ?? []), pid]);
      productsOfBrand.set(brand.code, [...(productsOfBrand.get(brand.code) ?? []), pid]);
      productsOfProfile.set(leaf.profile, [...(productsOfProfile.get(leaf.profile) ?? []), pid]);

      // Units: cable by the metre and the 100 m coil; small parts by the piece in tens, the pack and the box.
      if (baseUnit === "m") {
        unitRows.push({ product_id: pid, unit: "m", ratio: 1, min_qty: 10, multiple: 1, is_default: true });
        unitRows.push({ product_id: pid, unit: "coil", ratio: 100, min_qty: 1, multiple: 1, is_default: false });
      } else if (leaf.profile === "terminal" || leaf.profile === "lamp") {
        unitRows.push({ product_id: pid, unit: "pcs", ratio: 1, min_qty: 10, multiple: 10, is_default: true });
        unitRows.push({ product_id: pid, unit: "pack", ratio: 10, min_qty: 1, multiple: 1, is_default: false });
        unitRows.push({ product_id: pid, unit: "box", ratio: 100, min_qty: 1, multiple: 1, is_default: false });
      } else if (leaf.profile === "wiring" || leaf.profile === "breaker" || leaf.profile === "conduit") {
        const multiple = random.pick([1, 1, 2, 5]);
        unitRows.push({ product_id: pid, unit: "pcs", ratio: 1, min_qty: multiple, multiple, is_default: true });
        unitRows.push({ product_id: pid, unit: "pack", ratio: 10, min_qty: 1, multiple: 1, is_default: false });
        if (random.next() < 0.4) unitRows.push({ product_id: pid, unit: "box", ratio: 100, min_qty: 1, multiple: 1, is_default: false });
      } else {
        unitRows.push({ product_id: pid, unit: "pcs", ratio: 1, min_qty: 1, multiple: 1, is_default: true });
      }

      // Variants: the default one carries the product's SKU; some wiring devices and lights come in colours.
      const [lo, hi] = PRICE_RANGE[leaf.profile];
      const retail = Math.round((lo + Math.pow(random.next(), 2) * (hi - lo)) * 100);
      const variants = [{ vid: id(), sku, name, options: {} as Record<string, string>, isDefault: true, factor: 1 }];
      if ((leaf.profile === "wiring" || leaf.profile === "light") && random.next() < 0.15) {
        const colours = (kindByCode.get("color") as Extract<KindDef, { type: "enum" }>).values.filter((c) => c !== values.color);
        const extra = random.int(1, 3);
        for (let v = 0; v < extra; v += 1) {
          const colour = colours[(v * 3 + random.int(0, 2)) % colours.length]!;
          variants.push({ vid: id(), sku: `${sku}-${v + 1}`, name: `${name}, ${colour}`, options: { Цвет: colour }, isDefault: false, factor: 1 + random.int(0, 8) / 100 });
        }
        variants[0]!.options = { Цвет: String(values.color) };
      }
      variants.forEach((v, sort) => {
        variantRows.push({ id: v.vid, product_id: pid, sku: v.sku, name: v.name, options: v.options, is_default: v.isDefault, sort, erp_id: `demo-${v.sku}` });
        for (const t of DEMO_PRICE_TYPES) {
          const tid = typeId.get(t.code);
          if (tid) priceRows.push({ variant_id: v.vid, price_type_id: tid, amount_minor: Math.max(1, Math.round(retail * v.factor * t.factor)), currency: "RUB" });
        }
        for (const wid of warehouseIds) {
          const quantity = random.next() < 0.25 ? 0 : baseUnit === "m" ? random.int(50, 5000) : random.int(1, 800);
          stockRows.push({ variant_id: v.vid, warehouse_id: wid, quantity, reserved: quantity > 20 && random.next() < 0.2 ? random.int(1, 10) : 0 });
        }
      });

      const images = random.int(1, 3);
      for (let k = 0; k < images; k += 1) imageRows.push({ id: id(), product_id: pid, url: `/media/catalog/${leaf.top.slug}-${((serial + k) % 3) + 1}.svg`, alt: name, sort: k });
    }
  }

  // "Recommended with this product": neighbours from the same section.
  const relationRows: Row[] = [];
  for (const ids of productsOfLeaf.values()) {
    ids.forEach((pid, i) => {
      const picked = new Set<string>();
      for (let k = 1; k <= 6 && picked.size < 5; k += 1) picked.add(ids[(i + k * 3) % ids.length]!);
      picked.delete(pid);
      [...picked].forEach((rid, sort) => relationRows.push({ product_id: pid, related_id: rid, sort }));
    });
  }

  // A few documents (files under public/media/catalog/docs), each linked to many products.
  const documents = [
    { title: "Сертификат соответствия ЕАЭС — Schneider Electric", kind: "certificate", file: "certificate-schneider.pdf", brand: "SE" },
    { title: "Сертификат соответствия ЕАЭС — IEK", kind: "certificate", file: "certificate-iek.pdf", brand: "IEK" },
    { title: "Декларация о соответствии — Legrand", kind: "certificate", file: "declaration-legrand.pdf", brand: "LEG" },
    { title: "Инструкция по монтажу модульного оборудования", kind: "manual", file: "manual-modular.pdf", profile: "breaker" as Profile },
    { title: "Паспорт светодиодного светильника", kind: "manual", file: "passport-luminaire.pdf", profile: "light" as Profile },
    { title: "Руководство по укладке тёплого пола", kind: "manual", file: "manual-floor-heating.pdf", profile: "heating" as Profile },
  ];
  const documentRows: Row[] = [];
  const documentLinks: Row[] = [];
  for (const d of documents) {
    const did = id();
    documentRows.push({ id: did, title: d.title, kind: d.kind, file_name: d.file, storage_key: `/media/catalog/docs/${d.file}`, content_type: "application/pdf", size_bytes: 1200 });
    const targets = "brand" in d ? (productsOfBrand.get(d.brand!) ?? []) : (productsOfProfile.get(d.profile!) ?? []);
    targets.slice(0, 400).forEach((pid) => documentLinks.push({ document_id: did, product_id: pid }));
  }

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // Generated rows reference only rows generated with them: a superuser (PGlite always) may skip
    // the per-row foreign-key triggers for the load, which halves its time.
    const [role] = rowsOf<{ super: boolean }>(await t.execute(sql`select rolsuper as super from pg_roles where rolname = current_user`));
    if (role?.super) await t.execute(sql`set local session_replication_role = replica`);
    const big = ["products", "product_categories", "product_variants", "prices", "stock", "product_properties", "product_images", "product_relations", "product_documents"];
    await withoutSecondaryIndexes(t, big, async () => {
    await bulkInsert(t, "brands", ["id", "name", "slug", "erp_id"], brandRows);
    await bulkInsert(t, "property_kinds", ["id", "code", "name", "type", "unit", "is_filterable", "sort"], kindRows);
    await bulkInsert(t, "property_values", ["id", "kind_id", "value", "sort"], valueRows);
    await bulkInsert(t, "categories", ["id", "parent_id", "name", "slug", "path", "depth", "sort", "image_url"], categoryRows);
    await bulkInsert(t, "products", ["id", "sku", "name", "slug", "description", "brand_id", "line", "main_category_id", "status", "badges", "base_unit", "sales_count", "created_at", "updated_at", "erp_id"], productRows, 2000);
    await bulkInsert(t, "product_categories", ["category_id", "product_id", "is_direct"], categoryLinks);
    await bulkInsert(t, "product_variants", ["id", "product_id", "sku", "name", "options", "is_default", "sort", "erp_id"], variantRows);
    await bulkInsert(t, "product_units", ["product_id", "unit", "ratio", "min_qty", "multiple", "is_default"], unitRows);
    await bulkInsert(t, "prices", ["variant_id", "price_type_id", "amount_minor", "currency"], priceRows);
    await bulkInsert(t, "stock", ["variant_id", "warehouse_id", "quantity", "reserved"], stockRows);
    await bulkInsert(t, "product_properties", ["product_id", "kind_id", "value_id", "number_value", "bool_value", "text_value"], propertyRows, 8000);
    await bulkInsert(t, "product_images", ["id", "product_id", "url", "alt", "sort"], imageRows);
    await bulkInsert(t, "product_relations", ["product_id", "related_id", "sort"], relationRows, 8000);
    await bulkInsert(t, "catalog_documents", ["id", "title", "kind", "file_name", "storage_key", "content_type", "size_bytes"], documentRows);
    await bulkInsert(t, "product_documents", ["document_id", "product_id"], documentLinks);
    });
  });
  return { products: productRows.length, categories: categoryRows.length };
}

/** True when the catalog already has products (the first-start seed then leaves it alone). */
export async function hasCatalog(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(products);
  return (row?.n ?? 0) > 0;
}
