import { z } from "zod";
import { categoryPropertyKinds, contentInputSchema } from "../../domain/supplier-products/content";
import { storeProductImage } from "../../domain/supplier-products/images";
import { applyImport, previewImport, templateExample } from "../../domain/supplier-products/import";
import { importTemplateXlsx, readImportFile } from "../../domain/supplier-products/import-file";
import { defaultLowStockThreshold, setDefaultLowStockThreshold } from "../../domain/supplier-products/low-stock";
import { priceStockInputSchema, updatePricesAndStock } from "../../domain/supplier-products/price-stock";
import {
  createProductSchema, createSupplierProduct, listFiltersSchema, listSupplierProducts, productFormOptions, supplierProductDetail, updateSupplierProductContent,
} from "../../domain/supplier-products/products";
import { requireActiveSupplier } from "../../domain/suppliers/supplier-scope";
import { fileStorage } from "../../storage/file-storage";
import { createTRPCRouter, supplierProcedure } from "../init";

const supplier = supplierProcedure();
const base64File = z.string().max(7_000_000, "The file is larger than 5 MB").regex(/^[A-Za-z0-9+/=]*$/, "Not base64");
const importFile = z.object({ fileName: z.string().trim().min(1).max(200), contentBase64: base64File });

/**
 * The supplier's own products. Every procedure resolves the caller's supplier first and the
 * domain scopes every row by it: ids and SKUs of other suppliers' products answer "not found".
 */
export const supplierProductsRouter = createTRPCRouter({
  list: supplier.input(listFiltersSchema).query(async ({ ctx, input }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return listSupplierProducts(ctx.db, supplierId, input);
  }),
  get: supplier.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return supplierProductDetail(ctx.db, supplierId, input.id);
  }),
  formOptions: supplier.query(async ({ ctx }) => {
    await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return productFormOptions(ctx.db);
  }),
  categoryProperties: supplier.input(z.object({ categoryId: z.uuid() })).query(async ({ ctx, input }) => {
    await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return categoryPropertyKinds(ctx.db, input.categoryId);
  }),
  create: supplier.input(createProductSchema).mutation(async ({ ctx, input }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return createSupplierProduct(ctx.db, { supplierId, userId: ctx.session.user.id }, input);
  }),
  updateContent: supplier.input(z.object({ id: z.uuid(), content: contentInputSchema })).mutation(async ({ ctx, input }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return updateSupplierProductContent(ctx.db, { supplierId, userId: ctx.session.user.id }, input.id, input.content);
  }),
  updatePricesAndStock: supplier.input(z.object({ rows: z.array(priceStockInputSchema).min(1).max(500) })).mutation(async ({ ctx, input }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return updatePricesAndStock(ctx.db, supplierId, input.rows);
  }),
  uploadImage: supplier.input(z.object({ contentBase64: base64File })).mutation(async ({ ctx, input }) => {
    await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return storeProductImage(fileStorage(), Buffer.from(input.contentBase64, "base64"));
  }),
  stockSettings: supplier.query(async ({ ctx }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return { defaultLowStockThreshold: await defaultLowStockThreshold(ctx.db, supplierId) };
  }),
  setStockSettings: supplier.input(z.object({ defaultLowStockThreshold: z.number().min(0).max(100_000_000).nullable() })).mutation(async ({ ctx, input }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    await setDefaultLowStockThreshold(ctx.db, supplierId, input.defaultLowStockThreshold);
    return { ok: true };
  }),
  importPreview: supplier.input(importFile).mutation(async ({ ctx, input }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return previewImport(ctx.db, supplierId, await readImportFile(input.fileName, Buffer.from(input.contentBase64, "base64")));
  }),
  importApply: supplier.input(importFile).mutation(async ({ ctx, input }) => {
    const { supplierId } = await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return applyImport(ctx.db, { supplierId, userId: ctx.session.user.id }, await readImportFile(input.fileName, Buffer.from(input.contentBase64, "base64")));
  }),
  importTemplate: supplier.query(async ({ ctx }) => {
    await requireActiveSupplier(ctx.db, ctx.session.user.id);
    return { fileName: "products-import-template.xlsx", contentBase64: (await importTemplateXlsx(await templateExample(ctx.db))).toString("base64") };
  }),
});
