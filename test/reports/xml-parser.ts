/**
 * A strict little XML parser for tests: it throws on anything not well-formed (unclosed or
 * mismatched tags, raw `<` or `&` in text or attributes, unknown entities), so a test that parses
 * the JUnit we write also proves its escaping.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`unescaped character in ${where}: ${raw.slice(0, 80)}`);
  return raw.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]);
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const skipProlog = () => {
    for (;;) {
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) + 2;
      else if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
      else return;
    }
  };
  const element = (): XmlElement => {
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"]*")*)\s*(\/?)>/.exec(xml.slice(i));
    if (!open) throw new Error(`expected an element at ${i}: ${xml.slice(i, i + 40)}`);
    i += open[0].length;
    const attributes: Record<string, string> = {};
    for (const m of open[2].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g)) attributes[m[1]] = decode(m[2], `attribute ${m[1]}`);
    const node: XmlElement = { name: open[1], attributes, children: [], text: '' };
    if (open[3] === '/') return node;
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) throw new Error(`unclosed <${node.name}>`);
      node.text += decode(xml.slice(i, next), `<${node.name}>`);
      i = next;
      if (xml.startsWith(`</${node.name}>`, i)) {
        i += node.name.length + 3;
        return node;
      }
      if (xml.startsWith('</', i)) throw new Error(`mismatched closing tag at ${i} inside <${node.name}>`);
      node.children.push(element());
    }
  };
  skipProlog();
  const root = element();
  skipProlog();
  if (i < xml.length) throw new Error('content after the root element');
  return root;
}
