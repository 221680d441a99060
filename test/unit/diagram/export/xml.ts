/** A strict XML parse into a small element tree, for the export tests (a malformed file throws). */

const sax = require('sax') as { parser(strict: boolean, options?: Record<string, unknown>): SaxParser };

interface SaxTag {
  readonly name: string;
  readonly attributes: Record<string, string>;
}
interface SaxParser {
  onerror: (error: Error) => void;
  onopentag: (tag: SaxTag) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  write(text: string): SaxParser;
  close(): SaxParser;
}

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  readonly parent?: XmlElement;
}

export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  let current = root;
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [], text: '', parent: current };
    current.children.push(element);
    current = element;
  };
  parser.onclosetag = () => {
    current = current.parent!;
  };
  parser.ontext = (text) => {
    current.text += text;
  };
  parser.write(xml).close();
  return root;
}

export function* elements(node: XmlElement): Generator<XmlElement> {
  for (const child of node.children) {
    yield child;
    yield* elements(child);
  }
}

/** All the text of an element and its descendants. */
export function allText(node: XmlElement): string {
  return node.text + node.children.map(allText).join('');
}
