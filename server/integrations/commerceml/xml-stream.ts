import { createReadStream } from "node:fs";
import iconv from "iconv-lite";
import { SaxesParser } from "saxes";

/** A small element subtree cut out of a big document (one product, one offer …). */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/**
 * Decides, for an opening tag at `path` (local names from the root), whether to collect it and
 * under which kind; STOP ends the reading there (nothing wanted follows).
 */
export type Selector = (path: readonly string[]) => string | null;
export const STOP = "\u0000stop";

export interface Collected {
  kind: string;
  node: XmlNode;
}

const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The encoding the XML declaration names ("windows-1251", "UTF-8"); UTF-8 when none. */
export function declaredEncoding(head: Buffer): string {
  const text = head.subarray(0, 256).toString("latin1");
  const match = text.match(/<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/);
  const name = match?.[1] ?? "utf-8";
  return iconv.encodingExists(name) ? name : "utf-8";
}

/**
 * Streams an XML document (UTF-8 or windows-1251, as its declaration says) through a SAX parser
 * and yields only the subtrees the selector asks for, in document order. Memory holds one chunk
 * plus the subtrees not yet consumed, so a 100,000-offer file reads in flat memory.
 */
export async function* collectElements(source: AsyncIterable<Buffer | string>, select: Selector): AsyncGenerator<Collected> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const path: string[] = [];
  const ready: Collected[] = [];
  // The subtree being built: its kind, and the open nodes from its root down.
  let kind: string | null = null;
  let open: XmlNode[] = [];
  let stopped = false;

  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    path.push(name);
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attrs[localName(key)] = value;
    if (stopped) return;
    if (kind === null) {
      const wanted = select(path);
      if (wanted === STOP) {
        stopped = true;
        return;
      }
      if (wanted === null) return;
      kind = wanted;
      open = [{ name, attrs, text: "", children: [] }];
      return;
    }
    const node: XmlNode = { name, attrs, text: "", children: [] };
    open[open.length - 1]!.children.push(node);
    open.push(node);
  });
  const onText = (text: string) => {
    if (kind !== null) open[open.length - 1]!.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    path.pop();
    if (kind === null) return;
    const node = open.pop()!;
    node.text = node.text.trim();
    if (open.length === 0) {
      ready.push({ kind, node });
      kind = null;
    }
  });
  parser.on("error", (error) => {
    throw new Error(`XML: ${error.message}`);
  });

  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  // The first bytes are held until the XML declaration (and its encoding) is complete.
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === "string") text = chunk;
    else {
      let bytes = chunk;
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 256 && !head.includes("?>")) continue;
        decoder = iconv.getDecoder(declaredEncoding(head));
        bytes = head;
        head = null;
      }
      text = decoder!.write(bytes);
    }
    if (text) parser.write(text);
    while (ready.length > 0) yield ready.shift()!;
    if (stopped) return;
  }
  if (head && head.length > 0) {
    decoder = iconv.getDecoder(declaredEncoding(head));
    parser.write(decoder.write(head));
  }
  const rest = decoder?.end();
  if (rest) parser.write(rest);
  parser.close();
  while (ready.length > 0) yield ready.shift()!;
}

export function fileSource(filePath: string): AsyncIterable<Buffer> {
  return createReadStream(filePath, { highWaterMark: 256 * 1024 });
}

/** The first child with that local name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of the first child with that name ("" when absent). */
export function textOf(node: XmlNode | undefined, name: string): string {
  return (node && child(node, name)?.text) ?? "";
}

/** Requisites (ЗначенияРеквизитов) as name → value. */
export function requisites(node: XmlNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of children(child(node, "ЗначенияРеквизитов"), "ЗначениеРеквизита")) out.set(textOf(r, "Наименование"), textOf(r, "Значение"));
  return out;
}
