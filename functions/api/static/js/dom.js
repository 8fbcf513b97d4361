// DOM helpers: every string becomes a text node, never markup, so feed text cannot inject HTML.

/**
 * Creates an element. `props` sets attributes (`class`, `testid` for data-testid, `text` for
 * textContent, `on<event>` for listeners); children are nodes or strings (added as text).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    // The CSP forbids inline styles; widths are set through el.style by the caller instead.
    if (key === 'style' || key === 'html') throw new Error(`el(): ${key} is not allowed`);
    if (key === 'class') node.className = value;
    else if (key === 'testid') node.dataset.testid = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends nodes and strings (as text nodes), skipping null, undefined and false. */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/** The URL if it is absolute http or https, else null: feeds may carry javascript: or data: links. */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Splits `text` at the highlight offsets into text nodes and <mark> elements. Offsets out of range
 * or overlapping are clamped or skipped, so a bad offset never throws or duplicates text.
 */
export function highlighted(text, highlights = []) {
  const parts = [];
  let cursor = 0;
  const sorted = [...highlights].filter(Array.isArray).sort((a, b) => a[0] - b[0]);
  for (const [rawStart, rawEnd] of sorted) {
    const start = Math.max(cursor, Math.min(text.length, rawStart));
    const end = Math.min(text.length, rawEnd);
    if (end <= start) continue;
    if (start > cursor) parts.push(document.createTextNode(text.slice(cursor, start)));
    parts.push(el('mark', { text: text.slice(start, end) }));
    cursor = end;
  }
  if (cursor < text.length) parts.push(document.createTextNode(text.slice(cursor)));
  return parts;
}

/** Fills a <select> with options; `options` are `{ value, label }`. Keeps the value when still offered. */
export function fillSelect(select, options) {
  const previous = select.value;
  select.replaceChildren(
    ...options.map((option) => el('option', { value: option.value, text: option.label })),
  );
  if (options.some((option) => option.value === previous)) select.value = previous;
}
