// A small element tree built with sax, for the cases generic feed parsers get wrong (Atom: xml:base, link
// relations, typed titles, one bad date losing the feed). Call only after assertSafeXml.
import sax from 'sax';

/** One XML element with its resolved xml:base. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  /** Absolute base URL in effect for this element (XML Base, RFC 3986 resolution). */
  base: string;
}

const resolve = (href: string, base: string): string => {
  try {
    return new URL(href, base).href;
  } catch {
    return base;
  }
};

/** Parses XML text into a tree; `documentUrl` is the base outside any xml:base. */
export function parseXmlTree(text: string, documentUrl: string): XmlElement {
  const parser = sax.parser(true, { trim: false, normalize: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], base: documentUrl };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  const top = (): XmlElement => stack[stack.length - 1] ?? root;
  parser.onopentag = (tag) => {
    const parent = top();
    const xmlBase = tag.attributes['xml:base'];
    const element: XmlElement = {
      name: tag.name,
      attrs: tag.attributes,
      children: [],
      base: xmlBase ? resolve(xmlBase, parent.base) : parent.base,
    };
    parent.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (t) => {
    top().children.push(t);
  };
  parser.oncdata = (t) => {
    top().children.push(t);
  };
  parser.onerror = (error) => {
    failure ??= error;
  };
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw failure;
  return root;
}

/** Child elements with a (local) name, ignoring namespace prefixes. */
export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (c.name === local || c.name.endsWith(`:${local}`)),
  );
}

/** The concatenated text of an element and its descendants. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
