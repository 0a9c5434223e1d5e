import { API_PAGE_MAX } from "./catalog-api";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const ok = (schema: object) => ({ description: "OK", content: { "application/json": { schema } } });
const currency = { name: "currency", in: "query", required: false, schema: { type: "string", enum: ["RUB", "USD", "EUR"] }, description: "Currency of the prices (default: the contract's)." };

/** The catalog API's OpenAPI 3.1 description, served at /api/v1/openapi.json. */
export function catalogOpenApi(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "T3 CRM catalog API",
      version: "1.0.0",
      description:
        "Sections, products, properties, your personal prices and stock, for your shop or ERP. Authenticate with your personal API key " +
        "(B2B cabinet → API): `Authorization: Bearer <key>` or `X-Api-Key: <key>`. Keys live for the period set by the administrator (30 days by default); " +
        "issuing a new key revokes the old one at once.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { apiKey: [] }],
    paths: {
      "/api/v1/catalog/sections": { get: { summary: "Every catalog section, parents first", responses: { 200: ok({ type: "object", properties: { sections: { type: "array", items: ref("Section") } } }), 401: errorResponse("No valid key") } } },
      "/api/v1/catalog/properties": { get: { summary: "Property kinds with their reference values", responses: { 200: ok({ type: "object", properties: { properties: { type: "array", items: ref("PropertyKind") } } }), 401: errorResponse("No valid key") } } },
      "/api/v1/catalog/products": {
        get: {
          summary: "A page of published products in SKU order, with personal prices and stock",
          parameters: [
            { name: "section", in: "query", schema: { type: "string", format: "uuid" }, description: "Only products in this section or below it." },
            { name: "updatedSince", in: "query", schema: { type: "string", format: "date-time" }, description: "Only products changed since then (incremental sync)." },
            { name: "after", in: "query", schema: { type: "string" }, description: "The `next` of the previous page." },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: API_PAGE_MAX, default: 50 } },
            currency,
          ],
          responses: { 200: ok({ type: "object", properties: { products: { type: "array", items: ref("Product") }, next: { type: ["string", "null"] } } }), 400: errorResponse("A parameter is wrong; the message names it"), 401: errorResponse("No valid key") },
        },
      },
      "/api/v1/catalog/products/{sku}": {
        get: {
          summary: "One published product by SKU",
          parameters: [{ name: "sku", in: "path", required: true, schema: { type: "string" } }, currency],
          responses: { 200: ok({ type: "object", properties: { product: ref("Product") } }), 401: errorResponse("No valid key"), 404: errorResponse("No such product") },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" } },
      schemas: {
        Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
        Section: { type: "object", properties: { id: { type: "string", format: "uuid" }, parentId: { type: ["string", "null"] }, name: { type: "string" }, slug: { type: "string" }, depth: { type: "integer" }, erpId: { type: ["string", "null"] } } },
        PropertyKind: {
          type: "object",
          properties: { id: { type: "string" }, code: { type: "string" }, name: { type: "string" }, type: { type: "string", enum: ["enum", "number", "boolean", "text"] }, unit: { type: ["string", "null"] }, filterable: { type: "boolean" }, values: { type: "array", items: { type: "object", properties: { id: { type: "string" }, value: { type: "string" } } } } },
        },
        Price: { type: ["object", "null"], description: "Null when the item has no price for you (on request).", properties: { amount: { type: "string", examples: ["261.00"] }, base: { type: "string" }, currency: { type: "string" }, priceType: { type: "string" } } },
        Variant: {
          type: "object",
          properties: {
            id: { type: "string" }, sku: { type: "string" }, name: { type: "string" }, options: { type: "object", additionalProperties: { type: "string" } }, price: ref("Price"),
            stock: { type: "array", items: { type: "object", properties: { warehouse: { type: "string" }, quantity: { type: "number" } } } }, stockTotal: { type: "number" },
          },
        },
        Product: {
          type: "object",
          properties: {
            id: { type: "string" }, sku: { type: "string" }, name: { type: "string" }, slug: { type: "string" }, description: { type: ["string", "null"] }, brand: { type: ["string", "null"] },
            barcode: { type: ["string", "null"] }, mainSectionId: { type: ["string", "null"] }, sectionIds: { type: "array", items: { type: "string" } }, baseUnit: { type: "string" },
            units: { type: "array", items: { type: "object", properties: { unit: { type: "string" }, ratio: { type: "string" }, minQty: { type: "string" }, multiple: { type: "string" }, isDefault: { type: "boolean" } } } },
            properties: { type: "array", items: { type: "object", properties: { code: { type: "string" }, name: { type: "string" }, unit: { type: ["string", "null"] }, value: { type: ["string", "null"] } } } },
            images: { type: "array", items: { type: "string" } }, variants: { type: "array", items: ref("Variant") }, updatedAt: { type: "string", format: "date-time" },
          },
        },
      },
    },
  } as const;
}
