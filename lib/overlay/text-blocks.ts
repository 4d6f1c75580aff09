/**
 * Text as a reader sees it: the page split into blocks (paragraphs, headings, list
 * items, cells…), each the run of its text nodes across inline markup, so that
 * "Khalil <a>Hashmi</a>" is one name. Each block keeps a map back to its text nodes.
 *
 * Never read: form controls, editable regions, scripts, styles, code, hidden elements
 * and our own UI. Walks with an explicit stack (no TreeWalker) so it behaves the same
 * in Chromium, happy-dom and linkedom, and never recurses deeply on huge pages.
 */

export interface TextBlock {
  text: string;
  /** The block is a heading (h1–h6 or role="heading"). */
  heading: boolean;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: number[];
}

/** Elements whose text is never read or marked. */
export const EXCLUDED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE', 'KBD',
  'SAMP', 'VAR', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/** Elements that start a new block; everything else is inline and joins its neighbours. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'IMG', 'PICTURE',
]);

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Stack marker: leaving a heading element. */
const HEADING_END: unique symbol = Symbol('heading-end');

/** Marks our own UI; the overlay never reads inside it. */
export const OWN_UI_ATTRIBUTE = 'data-factmark-ui';

export function isExcluded(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (EXCLUDED_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  return false;
}

/** Is `node` (or an ancestor up to `root`) in a place we never touch? */
export function insideExcluded(node: Node, root: Node | null = null): boolean {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeType === 1 && isExcluded(n as Element)) return true;
    if ((n as HTMLElement).isContentEditable === true) return true;
  }
  return false;
}

/**
 * The blocks of `root` in document order. Yields `undefined` every PAUSE_EVERY nodes: a
 * point where an asynchronous reader may give the page its main thread back.
 */
export function* walkBlocks(root: Node): Generator<TextBlock | undefined> {
  let current: TextBlock = { text: '', heading: false, nodes: [], starts: [] };
  // The heading that encloses the current position, if any (headings do not nest).
  let headingDepth = 0;
  let parts: string[] = [];
  let length = 0;
  const flush = (): TextBlock | undefined => {
    let done: TextBlock | undefined;
    if (current.nodes.length > 0) {
      current.text = parts.join('');
      if (/\S/.test(current.text)) done = current;
    }
    current = { text: '', heading: headingDepth > 0, nodes: [], starts: [] };
    parts = [];
    length = 0;
    return done;
  };
  // Stack of nodes to visit; null marks leaving a block element, HEADING_END a heading.
  const stack: Array<Node | null | typeof HEADING_END> = [root];
  let visited = 0;
  while (stack.length > 0) {
    if (++visited % PAUSE_EVERY === 0) yield undefined;
    const node = stack.pop();
    if (node === null) {
      const done = flush();
      if (done) yield done;
      continue;
    }
    if (node === HEADING_END) {
      const done = flush();
      if (done) yield done;
      headingDepth--;
      current.heading = headingDepth > 0;
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value.length === 0) continue;
      current.nodes.push(node as Text);
      current.starts.push(length);
      parts.push(value);
      length += value.length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isExcluded(el)) continue;
      const tag = el.tagName.toUpperCase();
      if (HEADING_TAGS.has(tag) || el.getAttribute('role') === 'heading') {
        const done = flush();
        if (done) yield done;
        headingDepth++;
        current.heading = true;
        stack.push(HEADING_END);
      } else if (BLOCK_TAGS.has(tag)) {
        const done = flush();
        if (done) yield done;
        stack.push(null);
      }
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  const done = flush();
  if (done) yield done;
}

const PAUSE_EVERY = 512;

export function collectBlocks(root: Node): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const b of walkBlocks(root)) if (b) blocks.push(b);
  return blocks;
}

/** collectBlocks, giving the page its main thread back whenever `pause` says so. */
export async function collectBlocksSliced(root: Node, pause: () => Promise<void> | undefined): Promise<TextBlock[]> {
  const blocks: TextBlock[] = [];
  for (const b of walkBlocks(root)) {
    if (b) blocks.push(b);
    else {
      const wait = pause();
      if (wait) await wait;
    }
  }
  return blocks;
}

/** The node and offset inside it for a block offset (end offsets resolve to the earlier node). */
export function locate(block: TextBlock, offset: number, isEnd: boolean): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = starts[mid]!;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
