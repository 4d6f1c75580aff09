/**
 * Text as a reader sees it: the page split into blocks (paragraphs, headings, list
 * items, cells…), each the run of its text nodes across inline markup, so that
 * "Khalil <a>Hashmi</a>" is one name. Each block keeps a map back to its text nodes.
 *
 * Never read: form controls, editable regions, scripts, styles, code, hidden elements
 * and our own UI. Walks the tree itself (no TreeWalker) so it behaves the same in
 * Chromium, happy-dom and linkedom, and never recurses deeply on huge pages.
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

/** Marks our own UI; the overlay never reads inside it. */
export const OWN_UI_ATTRIBUTE = 'data-factmark-ui';

/** The attributes kindOf reads. */
const ATTRIBUTES_READ = `[hidden],[${OWN_UI_ATTRIBUTE}],[contenteditable],[role]`;

const enum Kind {
  Excluded = -1,
  Inline = 0,
  Block = 1,
  Heading = 2,
}

/**
 * What an element is to the reader of its text. tagName is upper case in HTML documents
 * and lower case for SVG/MathML inside them (and for everything in XHTML): the sets hold
 * upper case, so only a lower-case name is converted. Attributes are read only when the
 * element has any: on a large page this walk is most of the content script's work, and
 * each DOM call from the extension's world counts.
 */
function kindOf(el: Element): Kind {
  let tag = el.tagName;
  const c = tag.charCodeAt(0);
  if (c >= 97 && c <= 122) tag = tag.toUpperCase();
  if (EXCLUDED_TAGS.has(tag)) return Kind.Excluded;
  let heading = HEADING_TAGS.has(tag);
  // One selector match instead of four attribute reads: most elements that have
  // attributes have only classes, ids and links.
  if (el.hasAttributes() && el.matches(ATTRIBUTES_READ)) {
    if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTRIBUTE)) return Kind.Excluded;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return Kind.Excluded;
    const role = el.getAttribute('role');
    if (role === 'textbox') return Kind.Excluded;
    if (role === 'heading') heading = true;
  }
  if (heading) return Kind.Heading;
  return BLOCK_TAGS.has(tag) ? Kind.Block : Kind.Inline;
}

export function isExcluded(el: Element): boolean {
  return kindOf(el) === Kind.Excluded;
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
 *
 * Walks firstChild/nextSibling with a stack of what leaving each open element does (no
 * childNodes lists: half the DOM calls). If the page moves or removes the node the walk
 * stands on while it is paused, the walk ends there; the overlay's observer reads the
 * change again.
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
  /** For each element we are inside (below root), what leaving it does. */
  const open: Kind[] = [];
  let visited = 0;
  let node: Node | null = root;
  while (node) {
    if (++visited % PAUSE_EVERY === 0) yield undefined;
    const type = node.nodeType;
    let kind = Kind.Excluded;
    if (type === 3) {
      const value = (node as Text).data;
      if (value.length > 0) {
        current.nodes.push(node as Text);
        current.starts.push(length);
        parts.push(value);
        length += value.length;
      }
    } else if (type === 1) {
      kind = kindOf(node as Element);
      if (kind === Kind.Heading) {
        const done = flush();
        if (done) yield done;
        headingDepth++;
        current.heading = true;
      } else if (kind === Kind.Block) {
        const done = flush();
        if (done) yield done;
      }
    } else if (type === 9 || type === 11) kind = Kind.Inline;
    if (kind !== Kind.Excluded) {
      const child: Node | null = node.firstChild;
      if (child) {
        open.push(kind);
        node = child;
        continue;
      }
    }
    // Leave `node` (and every ancestor whose last child it was), then go to the next sibling.
    let leaving: Kind = kind;
    for (;;) {
      if (leaving === Kind.Block || leaving === Kind.Heading) {
        const done = flush();
        if (done) yield done;
        if (leaving === Kind.Heading) {
          headingDepth--;
          current.heading = headingDepth > 0;
        }
      }
      if (node === root || open.length === 0) {
        node = null;
        break;
      }
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      node = node.parentNode;
      if (!node) break;
      leaving = open.pop()!;
    }
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

/** The node (and its index in the block) and the offset inside it for a block offset (end offsets resolve to the earlier node). */
export function locate(block: TextBlock, offset: number, isEnd: boolean): { node: Text; offset: number; index: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = starts[mid]!;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]!, index: lo };
}
