/**
 * Finds the article in a saved web page: site chrome (menus, breadcrumbs, share bars, link lists,
 * footers) is removed, then the content container is the element that holds most of the page's
 * non-link text, found by descending while one child holds most of its parent's.
 */
import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { childElements, findElements, flatText, NON_TEXT_TAGS } from './dom-text.js';

const CHROME_TAGS = new Set(['nav', 'aside', 'form', 'menu']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar']);
/** id/class words of chrome regions, as whole words of a token ("share-bar", "bread_crumb", "footer"). */
const CHROME_NAME_RE =
  /(?:^|[-_])(?:nav|navbar|navigation|menu|menus|breadcrumbs?|bread|crumbs?|share|sharebar|bdshare|bdsharebuttonbox|social|footer|foot|copyright|sidebar|related|relate|recommend|toolbar|pagination|pager|topbar|skip|position|location|dqwz)(?:[-_]|$)/i;
const CONTAINER_TAGS = new Set(['body', 'html', 'div', 'section', 'article', 'main', 'td', 'table', 'tbody', 'tr', 'center', 'font', 'span']);
/** Descend into a child that holds at least this share of its parent's text. */
const DOMINANT_SHARE = 0.6;
/** A block whose text is mostly link text is a menu or a list of related articles. */
const LINK_DENSE_SHARE = 0.8;
const MIN_LINKS_FOR_LIST = 3;
const MAX_TITLE_CHARS = 100;
/** An element with fewer child elements (blocks or <br> lines) is one paragraph, not a region to descend into. */
const MIN_REGION_CHILDREN = 2;

export interface MainContent {
  container: AnyNode;
  /** The article title when it sits outside the container (an `h1` above the text), else null. */
  title: string | null;
}

/**
 * The article container of a parsed page (chrome removed in place) and its title.
 * @example findMainContent(parseDocument(html)) // { container: <div id="zoom">, title: '2026年湖北省政府工作报告' }
 */
export function findMainContent(doc: Document): MainContent {
  removeChrome(doc);
  const weights = new Map<AnyNode, number>();
  measureText(doc, weights);
  let container: AnyNode = doc;
  for (;;) {
    const total = weights.get(container) ?? 0;
    const best: Element | undefined = childElements(container)
      .filter((el) => CONTAINER_TAGS.has(el.name) && childElements(el).length >= MIN_REGION_CHILDREN)
      .sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0))[0];
    if (!best || (weights.get(best) ?? 0) < total * DOMINANT_SHARE) break;
    container = best;
  }
  removeLinkLists(container);
  return { container, title: hasHeading(container) ? null : findTitle(doc) };
}

function removeChrome(node: AnyNode, insideArticle = false): void {
  for (const el of childElements(node)) {
    if (isChrome(el, insideArticle)) detach(el);
    else removeChrome(el, insideArticle || el.name === 'article' || el.name === 'main');
  }
}

function isChrome(el: Element, insideArticle: boolean): boolean {
  if (NON_TEXT_TAGS.has(el.name) && el.name !== 'head' && el.name !== 'title') return true;
  if (CHROME_TAGS.has(el.name)) return true;
  // An article's own <header>/<footer> carry its title and notes; the page's carry the site chrome.
  if ((el.name === 'header' || el.name === 'footer') && !insideArticle) return true;
  if (CHROME_ROLES.has(el.attribs.role ?? '')) return true;
  const names = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`.split(/\s+/).filter(Boolean);
  return names.some((name) => CHROME_NAME_RE.test(name));
}

/** Non-link text length of every node (whitespace not counted), stored in `weights`. */
function measureText(node: AnyNode, weights: Map<AnyNode, number>, inLink = false): number {
  let total = 0;
  if (isText(node)) total = inLink ? 0 : node.data.replace(/\s+/g, '').length;
  else if ('children' in node) {
    const link = inLink || (isTag(node) && node.name === 'a');
    for (const child of node.children) total += measureText(child, weights, link);
  }
  weights.set(node, total);
  return total;
}

function removeLinkLists(container: AnyNode): void {
  for (const el of findElements(container, (e) => isLinkList(e))) detach(el);
}

function isLinkList(el: Element): boolean {
  if (!['ul', 'ol', 'dl', 'div', 'table', 'section'].includes(el.name)) return false;
  const links = findElements(el, (e) => e.name === 'a');
  if (links.length < MIN_LINKS_FOR_LIST) return false;
  const all = flatText(el).replace(/\s+/g, '').length;
  const linked = links.reduce((n, a) => n + flatText(a).replace(/\s+/g, '').length, 0);
  return all > 0 && linked / all >= LINK_DENSE_SHARE;
}

function hasHeading(container: AnyNode): boolean {
  return findElements(container, (e) => e.name === 'h1' || e.name === 'h2').some((h) => flatText(h).length > 0);
}

/** The page's h1, else an element named like a title; never `<title>`, which carries the site name. */
function findTitle(doc: Document): string | null {
  const candidates = [
    ...findElements(doc, (e) => e.name === 'h1'),
    ...findElements(doc, (e) => /title/i.test(`${e.attribs.id ?? ''} ${e.attribs.class ?? ''}`) && e.name !== 'title'),
  ];
  for (const el of candidates) {
    const text = flatText(el);
    if (text && text.length <= MAX_TITLE_CHARS) return text;
  }
  return null;
}

function detach(el: Element): void {
  const parent = el.parent;
  if (!parent) return;
  parent.children = parent.children.filter((c) => c !== el);
  const siblings = parent.children;
  siblings.forEach((c, i) => {
    c.prev = siblings[i - 1] ?? null;
    c.next = siblings[i + 1] ?? null;
  });
  el.parent = null;
}
