/**
 * Small, well-defined string helpers for XML parts: start tags, attributes and
 * elements addressed one at a time. No DOM: every transform of the
 * post-processing stage works on the text of one part.
 *
 * The element patterns assume the element does not nest inside itself
 * (true for a:p, a:pPr, a:rPr, c:title, c:ser, c:plotArea, ...). Use
 * `childElements` where nesting matters.
 */

/** Attributes of a start tag: name="value" or name='value' pairs. */
const ATTRS = String.raw`(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The patterns below are built once per element or attribute name: a 1,000-slide deck runs
 * them hundreds of thousands of times. The global ones are shared, so use them only with
 * `match`, `replace` and `matchAll` (which start from the beginning), never with `exec` or `test`.
 */
function memo(make: (name: string) => RegExp): (name: string) => RegExp {
  const made = new Map<string, RegExp>();
  return (name) => {
    let pattern = made.get(name);
    if (pattern === undefined) made.set(name, (pattern = make(name)));
    return pattern;
  };
}

/** `<name ...>` or `<name .../>`, exactly this element name (a:p does not match a:pPr). Shared: see above. */
export const startTagPattern = memo((name) => new RegExp(`<${escapeRegExp(name)}(?=[\\s/>])${ATTRS}/?>`, 'g'));

/** A whole element `<name .../>` or `<name ...>...</name>`; the element must not nest in itself. Shared: see above. */
export const elementPattern = memo((name) => {
  const n = escapeRegExp(name);
  return new RegExp(`<${n}(?=[\\s/>])${ATTRS}(?:/>|>[\\s\\S]*?</${n}\\s*>)`, 'g');
});

/** Replace every element `name` (non-nesting) by `fn(element)`. */
export function mapElements(xml: string, name: string, fn: (element: string) => string): string {
  return xml.replace(elementPattern(name), (element) => fn(element));
}

/** Replace every start tag of `name` by `fn(startTag)`. */
export function mapStartTags(xml: string, name: string, fn: (tag: string) => string): string {
  return xml.replace(startTagPattern(name), (tag) => fn(tag));
}

/** Not global: `exec`, `test` and `replace` of the first match are all safe. */
const attrPattern = memo((name) => new RegExp(`(\\s)${escapeRegExp(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));

/** The value of attribute `name` in a start tag (not unescaped), or undefined. */
export function getAttr(tag: string, name: string): string | undefined {
  const m = attrPattern(name).exec(startTagOf(tag));
  return m ? (m[2] ?? m[3]) : undefined;
}

/** Set attribute `name` to `value` (already escaped) in the start tag at the beginning of `tag`. */
export function setAttr(tag: string, name: string, value: string): string {
  const start = startTagOf(tag);
  const rest = tag.slice(start.length);
  const pattern = attrPattern(name);
  let next: string;
  if (pattern.test(start)) {
    next = start.replace(pattern, (_m, space: string) => `${space}${name}="${value}"`);
  } else {
    next = start.replace(/\s*(\/?>)$/, (_m, close: string) => ` ${name}="${value}"${close}`);
  }
  return next + rest;
}

/** Remove attribute `name` from the start tag at the beginning of `tag`. */
export function removeAttr(tag: string, name: string): string {
  const start = startTagOf(tag);
  return start.replace(attrPattern(name), '') + tag.slice(start.length);
}

const LEADING_START_TAG = new RegExp(`^<[^\\s/>]+${ATTRS}/?>`);

/** The start tag that begins `element`. */
export function startTagOf(element: string): string {
  const m = LEADING_START_TAG.exec(element);
  if (!m) throw new Error(`not an element: ${element.slice(0, 60)}`);
  return m[0];
}

/** Split `<name ...>inner</name>` into its parts; a self-closing element has inner '' and end ''. */
export function splitElement(element: string): { start: string; inner: string; end: string } {
  const start = startTagOf(element);
  if (start.endsWith('/>')) return { start, inner: '', end: '' };
  const close = element.lastIndexOf('</');
  return { start, inner: element.slice(start.length, close), end: element.slice(close) };
}

/** `<name .../>` → `<name ...>` (to give an empty element content). */
export function openTag(start: string): string {
  return start.endsWith('/>') ? start.replace(/\s*\/>$/, '>') : start;
}

export interface Child {
  /** Element name (e.g. 'a:r'), or '#text' for character data between elements. */
  name: string;
  text: string;
}

const TOKEN_SOURCE = `<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(/?)([^\\s/>!?]+)${ATTRS}(/?)>`;

/**
 * The children of an element's content (`inner`), at depth 0, in order: a small
 * tokenizer that handles nesting, comments and CDATA. Text between elements is
 * kept as '#text' children so that joining every `text` gives back `inner`.
 */
export function childElements(inner: string): Child[] {
  const children: Child[] = [];
  let depth = 0;
  let from = 0;
  let elementStart = -1;
  let elementName = '';
  const token = new RegExp(TOKEN_SOURCE, 'g');
  for (let m = token.exec(inner); m; m = token.exec(inner)) {
    const [text, closing, name, selfClosing] = m;
    if (name === undefined) continue; // comment, PI, CDATA
    if (depth === 0 && !closing) {
      if (m.index > from) children.push({ name: '#text', text: inner.slice(from, m.index) });
      if (selfClosing) {
        children.push({ name, text });
        from = m.index + text.length;
        continue;
      }
      elementStart = m.index;
      elementName = name;
      depth = 1;
      continue;
    }
    if (selfClosing) continue;
    depth += closing ? -1 : 1;
    if (depth < 0) throw new Error(`unbalanced XML near: ${inner.slice(m.index, m.index + 60)}`);
    if (depth === 0) {
      children.push({ name: elementName, text: inner.slice(elementStart, m.index + text.length) });
      from = m.index + text.length;
    }
  }
  if (depth !== 0) throw new Error(`unclosed element <${elementName}>`);
  if (from < inner.length) children.push({ name: '#text', text: inner.slice(from) });
  return children;
}

/** Escape character data. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value written between double quotes. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
