/** Content in the words a moderator reads: names instead of ids. */
export interface DisplayContent {
  name: string;
  description: string | null;
  brand: string | null;
  category: string | null;
  /** Property name → its value as shown ("IP44", "18 Вт", "да"). */
  properties: Record<string, string>;
  images: string[];
}

export type DiffField = "name" | "description" | "brand" | "category" | "property";

export interface FieldDiff {
  field: DiffField;
  /** The property's name for field "property". */
  label: string | null;
  before: string | null;
  after: string | null;
  changed: boolean;
}

export interface ContentDiff {
  fields: FieldDiff[];
  images: { before: string[]; after: string[]; added: string[]; removed: string[]; changed: boolean };
  /** How many fields (and the image set) differ. */
  changes: number;
}

const norm = (v: string | null | undefined) => (v === undefined || v === null || v === "" ? null : v);

/**
 * Field by field, old against new. `before` null means a new product: every field counts as
 * changed. Properties are matched by name, in the order of the new content, then the removed ones.
 */
export function buildContentDiff(before: DisplayContent | null, after: DisplayContent): ContentDiff {
  const fields: FieldDiff[] = [];
  const push = (field: DiffField, label: string | null, b: string | null | undefined, a: string | null | undefined) => {
    const old = before ? norm(b) : null;
    const next = norm(a);
    fields.push({ field, label, before: old, after: next, changed: before === null ? next !== null : old !== next });
  };
  push("name", null, before?.name, after.name);
  push("description", null, before?.description, after.description);
  push("brand", null, before?.brand, after.brand);
  push("category", null, before?.category, after.category);
  const names = [...Object.keys(after.properties), ...Object.keys(before?.properties ?? {}).filter((n) => !(n in after.properties))];
  for (const name of names) push("property", name, before?.properties[name], after.properties[name]);

  const oldImages = before?.images ?? [];
  const added = after.images.filter((url) => !oldImages.includes(url));
  const removed = oldImages.filter((url) => !after.images.includes(url));
  const imagesChanged = added.length > 0 || removed.length > 0 || oldImages.join("\n") !== after.images.join("\n");
  const changes = fields.filter((f) => f.changed).length + (imagesChanged ? 1 : 0);
  return { fields, images: { before: oldImages, after: after.images, added, removed, changed: imagesChanged }, changes };
}
