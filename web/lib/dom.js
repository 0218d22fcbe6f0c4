/**
 * Tiny DOM builder. Children that are strings become text nodes (never parsed as HTML), so corpus
 * and user text can be passed straight in.
 *
 * @example
 * h('button', { class: 'chip', onclick: open, 'aria-label': 'Source 1' }, '1')
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends nodes and strings (as text), skipping null/false, flattening arrays. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Removes every child of `el`. */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** `chapter › section` from a section path. */
export function pathText(path) {
  return (path ?? []).join(' › ');
}

/** Breadcrumb element: each level its own span so the last one can be emphasized. */
export function breadcrumb(path, className = 'crumbs') {
  const parts = [];
  (path ?? []).forEach((p, i) => {
    if (i > 0) parts.push(h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, '›'));
    parts.push(h('span', { class: 'crumb' }, p));
  });
  return h('span', { class: className }, parts);
}
