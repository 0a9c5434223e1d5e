/**
 * npm run bench:exchange — the 1C import of a CommerceML catalog on PostgreSQL.
 *
 * Generates import.xml (a classifier of 60 groups and 20 properties, 100,000 products) and
 * offers.xml (3 price types, 3 warehouses, 100,000 offers: half the products' own offers, half
 * "product#characteristic" offers, each with 2 prices and stock in 2 warehouses), then imports
 * both through the same steps the HTTP exchange runs (one transaction per step) into a fresh
 * database `t3_bench_exchange`, and again (the re-import path: nothing changes). Prints each
 * step's time and the peak RSS (process.memoryUsage().rss sampled every 20 ms).
 *
 * Env: BENCH_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_PRODUCTS (default 100000), BENCH_OFFERS (default = BENCH_PRODUCTS).
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { importFileStep, stepsFor } from "../server/domain/exchange/import-file";

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "t3_bench_exchange";
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? PRODUCTS);
const GROUPS = 60;
const PROPERTIES = 20;
const VALUES_PER_PROPERTY = 25;

const guid = (kind: number, n: number) => {
  const hex = n.toString(16).padStart(12, "0");
  return `${kind.toString(16).padStart(8, "0")}-0000-4000-8000-${hex}`;
};

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function writeFile(file: string, parts: () => Generator<string>): Promise<void> {
  const out = createWriteStream(file);
  let buffer = "";
  for (const part of parts()) {
    buffer += part;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

function* importXml(): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.07">\n<Классификатор><Ид>bench</Ид><Наименование>Классификатор</Наименование><Группы>`;
  // 6 top groups with 9 children each.
  for (let top = 0; top < 6; top++) {
    yield `<Группа><Ид>${guid(1, top)}</Ид><Наименование>Раздел ${top + 1}</Наименование><Группы>`;
    for (let sub = 0; sub < GROUPS / 6 - 1; sub++) yield `<Группа><Ид>${guid(1, 100 + top * 10 + sub)}</Ид><Наименование>Подраздел ${top + 1}.${sub + 1}</Наименование></Группа>`;
    yield `</Группы></Группа>`;
  }
  yield `</Группы><Свойства>`;
  for (let p = 0; p < PROPERTIES; p++) {
    if (p % 4 === 3) {
      yield `<Свойство><Ид>${guid(2, p)}</Ид><Наименование>Вес ${p}</Наименование><ТипЗначений>Число</ТипЗначений></Свойство>`;
      continue;
    }
    yield `<Свойство><Ид>${guid(2, p)}</Ид><Наименование>Свойство ${p}</Наименование><ТипЗначений>Справочник</ТипЗначений><ВариантыЗначений>`;
    for (let v = 0; v < VALUES_PER_PROPERTY; v++) yield `<Справочник><ИдЗначения>${guid(3, p * 1000 + v)}</ИдЗначения><Значение>Значение ${p}-${v}</Значение></Справочник>`;
    yield `</ВариантыЗначений></Свойство>`;
  }
  yield `</Свойства></Классификатор>\n<Каталог СодержитТолькоИзменения="false"><Ид>bench</Ид><ИдКлассификатора>bench</ИдКлассификатора><Наименование>Каталог</Наименование><Товары>\n`;
  for (let i = 0; i < PRODUCTS; i++) {
    const top = i % 6;
    const sub = Math.floor(i / 6) % (GROUPS / 6 - 1);
    let props = "";
    for (let k = 0; k < 4; k++) {
      const p = (i + k * 5) % PROPERTIES;
      props += p % 4 === 3 ? `<ЗначенияСвойства><Ид>${guid(2, p)}</Ид><Значение>${(i % 97) + 0.5}</Значение></ЗначенияСвойства>` : `<ЗначенияСвойства><Ид>${guid(2, p)}</Ид><Значение>${guid(3, p * 1000 + (i % VALUES_PER_PROPERTY))}</Значение></ЗначенияСвойства>`;
    }
    yield `<Товар><Ид>${guid(4, i)}</Ид><Штрихкод>${2000000000000 + i}</Штрихкод><Артикул>BX-${i}</Артикул><Наименование>Товар номер ${i} для обмена</Наименование><БазоваяЕдиница Код="796" НаименованиеПолное="Штука">шт</БазоваяЕдиница><Группы><Ид>${guid(1, 100 + top * 10 + sub)}</Ид></Группы><Описание>Описание товара ${i}</Описание><ЗначенияСвойств>${props}</ЗначенияСвойств></Товар>\n`;
  }
  yield `</Товары></Каталог></КоммерческаяИнформация>\n`;
}

function* offersXml(): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.07"><ПакетПредложений СодержитТолькоИзменения="false"><Ид>bench#</Ид><Наименование>Пакет предложений</Наименование><ИдКаталога>bench</ИдКаталога><ТипыЦен>`;
  for (let t = 0; t < 3; t++) yield `<ТипЦены><Ид>${guid(5, t)}</Ид><Наименование>Цена ${t}</Наименование><Валюта>RUB</Валюта></ТипЦены>`;
  yield `</ТипыЦен><Склады>`;
  for (let w = 0; w < 3; w++) yield `<Склад><Ид>${guid(6, w)}</Ид><Наименование>Склад ${w}</Наименование></Склад>`;
  yield `</Склады><Предложения>\n`;
  for (let i = 0; i < OFFERS; i++) {
    const product = i % PRODUCTS;
    const id = i % 2 === 0 ? guid(4, product) : `${guid(4, product)}#${guid(7, i)}`;
    const price = 1000 + (i % 5000);
    const options = i % 2 === 0 ? "" : `<ХарактеристикиТовара><ХарактеристикаТовара><Наименование>Размер</Наименование><Значение>${40 + (i % 8)}</Значение></ХарактеристикаТовара></ХарактеристикиТовара>`;
    yield `<Предложение><Ид>${id}</Ид><Артикул>BX-${product}</Артикул><Наименование>Товар номер ${product}</Наименование>${options}<Цены>` +
      `<Цена><ИдТипаЦены>${guid(5, 0)}</ИдТипаЦены><ЦенаЗаЕдиницу>${price}.50</ЦенаЗаЕдиницу><Валюта>RUB</Валюта></Цена>` +
      `<Цена><ИдТипаЦены>${guid(5, i % 2 ? 1 : 2)}</ИдТипаЦены><ЦенаЗаЕдиницу>${price - 100}</ЦенаЗаЕдиницу><Валюта>RUB</Валюта></Цена></Цены>` +
      `<Количество>${i % 50}</Количество><Склад ИдСклада="${guid(6, i % 3)}" КоличествоНаСкладе="${i % 30}"/><Склад ИдСклада="${guid(6, (i + 1) % 3)}" КоличествоНаСкладе="${i % 20}"/></Предложение>\n`;
  }
  yield `</Предложения></ПакетПредложений></КоммерческаяИнформация>\n`;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "t3-bench-exchange-"));
  const importFile = path.join(dir, "import.xml");
  const offersFile = path.join(dir, "offers.xml");
  let started = performance.now();
  await writeFile(importFile, importXml);
  await writeFile(offersFile, offersXml);
  console.log(`generated import.xml (${PRODUCTS.toLocaleString("en")} products, ${mb(statSync(importFile).size)}) and offers.xml (${OFFERS.toLocaleString("en")} offers, ${mb(statSync(offersFile).size)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.unsafe(`create database "${DB_NAME}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  const handle = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 2 });
  await migrateDatabase(handle);
  const baseRss = process.memoryUsage().rss;
  peakRss = baseRss;
  console.log(`database ${DB_NAME} migrated; RSS before importing ${mb(baseRss)}`);

  const results: Record<string, number> = {};
  for (const round of ["first import", "re-import (unchanged)"]) {
    for (const file of [importFile, offersFile]) {
      for (const step of stepsFor(file, "catalog")) {
        started = performance.now();
        const result = await importFileStep(handle.db, file, step);
        const seconds = (performance.now() - started) / 1000;
        if (!result.ok) throw new Error(`${step} failed: ${result.error}`);
        const counts = [...result.counts].map(([c, n]) => `${c} ${n.total} read/${n.created} new/${n.updated} changed/${n.failed} errors`).join(", ");
        console.log(`  ${round.padEnd(22)} ${path.basename(file).padEnd(11)} ${step.padEnd(15)} ${seconds.toFixed(1).padStart(6)} s   ${counts}`);
        results[`${round} ${path.basename(file)}`] = (results[`${round} ${path.basename(file)}`] ?? 0) + seconds;
      }
    }
  }
  clearInterval(sampler);
  for (const [label, seconds] of Object.entries(results)) console.log(`${label.padEnd(40)} ${seconds.toFixed(1)} s`);
  console.log(`peak RSS ${mb(peakRss)} (target < 512 MB); offers import target < 30 s`);
  await handle.close();
  if (!process.env.BENCH_KEEP_FILES) rmSync(dir, { recursive: true, force: true });
  else console.log(`files kept in ${dir}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
