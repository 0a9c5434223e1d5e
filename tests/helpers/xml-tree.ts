import { SaxesParser } from "saxes";

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** A whole XML document as a tree (a strict parser: malformed XML throws). */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  parser.on("opentag", (tag) => {
    const node: XmlNode = { name: tag.name, attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])), children: [], text: "" };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on("text", (text) => (stack.at(-1)!.text += text));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

export const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
