/**
 * The page overlay: reads the page's text blocks, runs the matcher, marks what it finds,
 * keeps up with the page as it changes, and undoes everything on stop().
 *
 * Work is time-sliced (no task over ~50 ms: slices yield after SLICE_MS) and the
 * MutationObserver ignores our own changes (we take its records after each of our
 * writes) and nodes added inside nodes that were added in the same batch. Past
 * RESCAN_THRESHOLD changed roots in one batch it rescans the page once instead.
 */
import type { Mention } from '../match/find-mentions';
import type { FindMentions } from '../match/mention-finder';
import { CssHighlighter } from './css-highlighter';
import { DomHighlighter, MENTION_ATTR } from './highlighter';
import { collectBlocks, collectBlocksSliced, insideExcluded, isExcluded, OWN_UI_ATTRIBUTE, type TextBlock } from './text-blocks';

export type RenderMode = 'dom' | 'highlight';

export interface OverlayMention {
  id: number;
  mention: Mention;
  /** The first <mark> (DOM mode) or the first range (highlight mode). */
  anchor: () => Element | Range | undefined;
}

/** A mention as the overlay keeps it: with the block its mark is in. */
type Marked = OverlayMention & { block: TextBlock };

export interface OverlayOptions {
  root: Element;
  /** The matcher: the background's (lib/background/matcher-service.ts), behind a message. */
  find: FindMentions;
  /**
   * Or how to work it out, asked once, when the first marks are about to be made (a page
   * only probed never needs it), with how many there are.
   */
  mode: RenderMode | ((marks: number) => RenderMode);
  /** Entities the user muted, or corrected away on this site. */
  hidden: (entityId: string) => boolean;
  label: (m: Mention) => string;
  onChange: (mentions: readonly OverlayMention[]) => void;
  /**
   * Called once, before the first mark: the mark styles go in then, not on pages with
   * nothing to mark (adding a stylesheet makes the browser recompute the page's styles).
   */
  beforeFirstMark?: () => void;
  /**
   * Whether the page as the reader sees it could mention anything (its rendered text,
   * matched): when it says no, the first scan does not read the DOM at all. Reading the
   * DOM is most of what the content script costs a page, and most pages mention nothing.
   */
  probe?: () => Promise<boolean>;
  signal: AbortSignal;
}

const SLICE_MS = 12;
const RESCAN_THRESHOLD = 1000;
const BATCH_DELAY_MS = 100;
/** While the page has been found to mention nothing, changes are looked at this often. */
const QUIET_DELAY_MS = 500;

const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };
// Any attribute: pages show hidden text through class, style, hidden, open, but also their
// own data-* and aria-* states that their CSS reads. Probes stay QUIET_DELAY_MS apart.
const OBSERVED_QUIET: MutationObserverInit = { ...OBSERVED, attributes: true };

const BLOCKISH = /^(P|DIV|LI|TD|TH|H[1-6]|BLOCKQUOTE|SECTION|ARTICLE|MAIN|ASIDE|HEADER|FOOTER|DD|DT|FIGCAPTION|CAPTION|UL|OL|TABLE|TBODY|TR|BODY|NAV|FORM|DETAILS|SUMMARY|ADDRESS)$/;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A pause function for reading the page in slices: yields once a slice of work has run SLICE_MS. */
function slicer(): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    if (performance.now() - start < SLICE_MS) return undefined;
    return yieldToPage().then(() => {
      start = performance.now();
    });
  };
}

export class Overlay {
  private readonly dom = new DomHighlighter();
  private readonly css = new CssHighlighter();
  private blocks: TextBlock[] = [];
  /** Each with the block it was marked in, to compare old blocks' marks with new decisions. */
  private mentions: Marked[] = [];
  private nextId = 1;
  private observer: MutationObserver | undefined;
  private pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private styled = false;
  /** The probe found nothing: the DOM has not been read, changes are probed again. */
  private quiet = false;

  private chosenMode: RenderMode | undefined;

  constructor(private readonly options: OverlayOptions) {
    options.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** How marks are made: decided with the first marks; before them nothing can be hit, and 'dom' looks at event targets only. */
  get mode(): RenderMode {
    const { mode } = this.options;
    return this.chosenMode ?? (typeof mode === 'function' ? 'dom' : mode);
  }

  private modeFor(marks: number): RenderMode {
    const { mode } = this.options;
    return (this.chosenMode ??= typeof mode === 'function' ? mode(marks) : mode);
  }

  get list(): readonly OverlayMention[] {
    return this.mentions;
  }

  /** Marks the whole page, then follows its changes. */
  start(): Promise<void> {
    this.running = this.running.then(() => this.scanAll(true));
    this.observe();
    return this.running;
  }

  /** Undoes every mark: the page's text and nodes are as they were. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.clear();
  }

  /** Re-reads the page from scratch (settings changed, SPA navigation). */
  rescan(): Promise<void> {
    this.running = this.running.then(() => {
      this.clear();
      return this.scanAll();
    });
    return this.running;
  }

  /** The mention id under a point, in highlight mode (DOM mode uses event targets). */
  mentionAt(x: number, y: number): number | undefined {
    return this.mode === 'highlight' ? this.css.mentionAt(x, y) : undefined;
  }

  byId(id: number): OverlayMention | undefined {
    return this.mentions.find((m) => m.id === id);
  }

  private clear(): void {
    this.withoutObserving(() => {
      this.dom.unmarkAll();
      this.css.unmarkAll();
    });
    this.blocks = [];
    this.mentions = [];
    this.emit();
  }

  private async scanAll(probe = false): Promise<void> {
    if (this.stopped) return;
    // On the page's performance timeline (shared with the isolated world), for tests and
    // benchmarks: no DOM change, no cost worth measuring.
    performance.mark('factmark:scan-start');
    if (probe && this.options.probe) {
      // A probe that fails says nothing: read the page.
      const maybe = await this.options.probe().catch(() => true);
      if (this.stopped) return;
      const wasQuiet = this.quiet;
      this.setQuiet(!maybe);
      if (this.quiet) {
        // The page's state (nothing marked) is reported once, not again on every re-probe.
        if (!wasQuiet) this.emit();
        performance.mark('factmark:scan-end', { detail: { marks: 0, probed: true } });
        return;
      }
    } else this.setQuiet(false);
    // Reading a large page's DOM is itself long work: it yields to the page like the rest.
    const blocks = await collectBlocksSliced(this.options.root, slicer());
    if (this.stopped) return;
    this.blocks = blocks;
    await this.markBlocks(blocks, blocks);
    performance.mark('factmark:scan-end', { detail: { marks: this.mentions.length } });
  }

  /**
   * Decides mentions over the whole page and marks those in `targets`. Returns 'rescan'
   * when the decisions for blocks outside `targets` are no longer what is marked there (a
   * definition or a full name that came later changes what earlier text means): the
   * caller then reads the whole page again.
   */
  private async markBlocks(all: TextBlock[], targets: TextBlock[]): Promise<'rescan' | undefined> {
    let found: Mention[];
    try {
      found = await this.options.find(all.map((b) => ({ text: b.text, heading: b.heading })));
    } catch (error) {
      console.warn('Factmark: could not match this page:', error);
      return;
    }
    if (this.stopped) return;
    const mentions = found.filter((m) => !this.options.hidden(m.entityId));
    // Which of the page's blocks to mark (all of them on a full scan). A set of blocks, not
    // indexOf per target: that was quadratic, ~10 ms on a page of 5,000 blocks.
    const targetSet = targets === all ? undefined : new Set(targets);
    if (targetSet && this.oldBlocksDisagree(all, mentions, targetSet)) return 'rescan';
    const perBlock = new Map<number, Mention[]>();
    for (const m of mentions) {
      if (targetSet && !targetSet.has(all[m.block]!)) continue;
      const list = perBlock.get(m.block);
      if (list) list.push(m);
      else perBlock.set(m.block, [m]);
    }
    if (perBlock.size > 0 && !this.styled) {
      this.styled = true;
      this.modeFor(mentions.length);
      this.options.beforeFirstMark?.();
    }
    const before = this.mentions.length;
    let sliceStart = performance.now();
    for (const [index, list] of perBlock) {
      const block = all[index]!;
      // The page changed while we matched: this block is re-read with the next batch.
      if (block.nodes.some((n) => !n.isConnected) || block.nodes.map((n) => n.data).join('') !== block.text) continue;
      const firstId = this.nextId;
      this.nextId += list.length;
      this.withoutObserving(() => {
        // Each mention's anchor (its first element or range), looked up by id: a find() per
        // mention was quadratic (a block naming someone 60,000 times froze its page for 2.8 s).
        const anchors = new Map<number, OverlayMention['anchor']>();
        if (this.mode === 'dom') {
          for (const { mention, element } of this.dom.mark(block, list, firstId, { label: this.options.label })) {
            if (!anchors.has(mention)) anchors.set(mention, () => (element.isConnected ? element : undefined));
          }
        } else {
          for (const { mention, ranges } of this.css.mark(block, list, firstId)) {
            const range = ranges[0];
            if (range && !anchors.has(mention)) anchors.set(mention, () => range);
          }
        }
        list.forEach((mention, k) => {
          const anchor = anchors.get(firstId + k);
          if (anchor) this.mentions.push({ id: firstId + k, mention, block, anchor });
        });
      });
      if (performance.now() - sliceStart > SLICE_MS) {
        this.emit();
        await yieldToPage();
        if (this.stopped) return;
        sliceStart = performance.now();
      }
    }
    this.placeNew(before);
    this.emit();
  }

  /** Whether the marks in the blocks not being marked now differ from the page's new decisions. */
  private oldBlocksDisagree(all: readonly TextBlock[], decided: readonly Mention[], targets: ReadonlySet<TextBlock>): boolean {
    const sign = (m: Mention) => `${m.start}:${m.end}:${m.entityId}`;
    const wanted = new Map<TextBlock, string[]>();
    for (const m of decided) {
      const block = all[m.block]!;
      if (targets.has(block)) continue;
      const list = wanted.get(block);
      if (list) list.push(sign(m));
      else wanted.set(block, [sign(m)]);
    }
    const page = new Set(all);
    const marked = new Map<TextBlock, string[]>();
    for (const om of this.mentions) {
      const { block } = om;
      if (targets.has(block) || !page.has(block)) continue;
      const list = marked.get(block);
      if (list) list.push(sign(om.mention));
      else marked.set(block, [sign(om.mention)]);
    }
    if (wanted.size !== marked.size) return true;
    for (const [block, list] of wanted) {
      const have = marked.get(block);
      if (!have || have.length !== list.length || [...have].sort().join('|') !== [...list].sort().join('|')) return true;
    }
    return false;
  }

  /**
   * Puts the mentions marked since `from` in document order among those before it (which
   * are), dropping any whose mark is gone. The new ones are ordered by their block's place
   * on the page and their offset, with no DOM call; only placing them among older ones
   * compares document positions, a binary search each. A full page of 40,000 marks used
   * to be sorted with compareDocumentPosition: 0.6 s in one task.
   */
  private placeNew(from: number): void {
    const nodeOf = (m: Marked): Node | undefined => {
      const a = m.anchor();
      return a instanceof Range ? a.startContainer : a;
    };
    const old = this.mentions.slice(0, from).filter((m) => nodeOf(m) !== undefined);
    const fresh = this.mentions
      .slice(from)
      .filter((m) => nodeOf(m) !== undefined)
      .sort((a, b) => a.mention.block - b.mention.block || a.mention.start - b.mention.start || a.id - b.id);
    if (old.length === 0 || fresh.length === 0) {
      this.mentions = old.length === 0 ? fresh : old;
      return;
    }
    // a before b: a's node comes first in the document, or the same node and a is older.
    const before = (a: Marked, b: Marked) => {
      const na = nodeOf(a)!;
      const nb = nodeOf(b)!;
      return na === nb ? a.id < b.id : (na.compareDocumentPosition(nb) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    };
    const merged: Marked[] = [];
    let i = 0;
    for (const m of fresh) {
      // The first old mention after m, searched from where the last new one went.
      let lo = i;
      let hi = old.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(old[mid]!, m)) lo = mid + 1;
        else hi = mid;
      }
      while (i < lo) merged.push(old[i++]!);
      merged.push(m);
    }
    while (i < old.length) merged.push(old[i++]!);
    this.mentions = merged;
  }

  private emit(): void {
    this.options.onChange(this.mentions);
  }

  private withoutObserving(write: () => void): void {
    write();
    this.observer?.takeRecords();
  }

  private observe(): void {
    if (typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.options.root, OBSERVED);
  }

  /**
   * Quiet: nothing is marked and the DOM was not read. Text the reader could not see may
   * become visible without a text change (a class or style that shows it), so attribute
   * changes are watched as well until the page is read.
   */
  private setQuiet(quiet: boolean): void {
    if (quiet === this.quiet) return;
    this.quiet = quiet;
    if (!this.observer) return;
    this.observer.takeRecords();
    this.observer.disconnect();
    this.observer.observe(this.options.root, quiet ? OBSERVED_QUIET : OBSERVED);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (!target || this.ownsNode(target)) continue;
      if (r.type === 'attributes' && !this.quiet) continue;
      if (r.type === 'childList' && [...r.addedNodes].every((n) => this.ownsNode(n))) {
        // Removals: our marks inside removed subtrees simply disappear with them. Our own UI
        // added to the page (the card's host, moved into a fullscreen element) is no page
        // change either: re-marking its parent would replace the very marks the card is beside.
        continue;
      }
      this.pending.add(target);
    }
    if (this.pending.size > 0 && !this.timer) this.timer = setTimeout(() => this.flush(), this.quiet ? QUIET_DELAY_MS : BATCH_DELAY_MS);
  }

  private ownsNode(node: Node): boolean {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
      if (el.hasAttribute(MENTION_ATTR)) return true;
    }
    return false;
  }

  private flush(): void {
    this.timer = undefined;
    const targets = [...this.pending];
    this.pending.clear();
    this.running = this.running.then(() => this.update(targets));
  }

  private async update(targets: Node[]): Promise<void> {
    if (this.stopped) return;
    // The page was never read: probe it again as a whole, and read it all if it now may
    // mention something (the rules need the whole page, not only what changed).
    if (this.quiet) {
      await this.scanAll(true);
      performance.mark('factmark:update-end', { detail: { marks: this.mentions.length } });
      return;
    }
    // Nearest block-level ancestor of each change; drop roots inside other roots.
    const roots = new Set<Element>();
    for (const t of targets) {
      if (!t.isConnected) continue;
      let el: Element | null = t.nodeType === 1 ? (t as Element) : t.parentElement;
      while (el && el !== this.options.root && !BLOCKISH.test(el.tagName)) el = el.parentElement;
      if (el && !insideExcluded(el, null) && !isExcluded(el)) roots.add(el);
    }
    const outer = [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
    if (outer.length === 0) return;
    if (outer.length > RESCAN_THRESHOLD || outer.includes(this.options.root)) {
      this.clear();
      return this.scanAll();
    }
    const fresh: TextBlock[] = [];
    for (const root of outer) {
      this.withoutObserving(() => {
        this.dom.unmarkWithin(root);
        this.css.unmarkWithin(root);
      });
      this.mentions = this.mentions.filter((m) => {
        const a = m.anchor();
        const node = a instanceof Range ? a.startContainer : a;
        return node !== undefined && !root.contains(node);
      });
      this.blocks = this.blocks.filter((b) => b.nodes[0]?.isConnected && !root.contains(b.nodes[0]));
      fresh.push(...collectBlocks(root));
    }
    // Keep page order so that coreference reads the page as a reader does.
    const all = [...this.blocks, ...fresh].sort((a, b) => {
      const na = a.nodes[0]!;
      const nb = b.nodes[0]!;
      return na === nb ? 0 : na.compareDocumentPosition(nb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    this.blocks = all;
    if ((await this.markBlocks(all, fresh)) === 'rescan' && !this.stopped) {
      this.clear();
      await this.scanAll();
    }
    performance.mark('factmark:update-end', { detail: { marks: this.mentions.length } });
  }
}
