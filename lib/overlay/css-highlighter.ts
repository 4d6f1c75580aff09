/**
 * The no-mutation mode: mentions painted with the CSS Custom Highlight API, which
 * changes nothing in the DOM (for pages whose framework owns its text nodes). There are
 * no elements to hover or focus, so hit-testing maps a pointer position to a caret
 * position and looks it up among our ranges; keyboard users reach mentions through the
 * next/previous shortcuts, which work the same in both modes.
 */
import type { EntityType } from '../pack/types';
import type { Mention } from '../match/find-mentions';
import { piecesOf } from './highlighter';
import type { TextBlock } from './text-blocks';

export interface PaintedMention {
  mention: number;
  ranges: Range[];
}

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void; delete(r: Range): boolean; clear(): void; size: number };

export function cssHighlightsSupported(): boolean {
  const css = (globalThis as { CSS?: { highlights?: unknown } }).CSS;
  return typeof (globalThis as { Highlight?: unknown }).Highlight === 'function' && css?.highlights !== undefined;
}

export class CssHighlighter {
  private readonly highlights = new Map<EntityType, InstanceType<HighlightCtor>>();
  private readonly byNode = new Map<Text, Array<{ start: number; end: number; mention: number }>>();
  readonly painted: PaintedMention[] = [];

  private highlightFor(type: EntityType) {
    let h = this.highlights.get(type);
    if (!h) {
      const Ctor = (globalThis as unknown as { Highlight: HighlightCtor }).Highlight;
      h = new Ctor();
      this.highlights.set(type, h);
      (CSS as unknown as { highlights: HighlightRegistry }).highlights.set(`factmark-${type}`, h);
    }
    return h;
  }

  mark(block: TextBlock, mentions: readonly Mention[], firstId: number): PaintedMention[] {
    const made = new Map<number, PaintedMention>();
    for (const p of piecesOf(block, mentions, firstId)) {
      const m = mentions[p.mention - firstId]!;
      const range = document.createRange();
      range.setStart(p.node, p.start);
      range.setEnd(p.node, p.end);
      this.highlightFor(m.type).add(range);
      const list = this.byNode.get(p.node) ?? [];
      list.push({ start: p.start, end: p.end, mention: p.mention });
      this.byNode.set(p.node, list);
      const painted = made.get(p.mention) ?? { mention: p.mention, ranges: [] };
      painted.ranges.push(range);
      made.set(p.mention, painted);
    }
    this.painted.push(...made.values());
    return [...made.values()];
  }

  /** The mention under a viewport point, if any. */
  mentionAt(x: number, y: number): number | undefined {
    const doc = document as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    let node: Node | undefined;
    let offset = 0;
    const pos = doc.caretPositionFromPoint?.(x, y);
    if (pos) {
      node = pos.offsetNode;
      offset = pos.offset;
    } else {
      const r = doc.caretRangeFromPoint?.(x, y);
      if (r) {
        node = r.startContainer;
        offset = r.startOffset;
      }
    }
    if (!node || node.nodeType !== 3) return undefined;
    const hit = this.byNode.get(node as Text)?.find((p) => offset >= p.start && offset < p.end);
    if (!hit) return undefined;
    // The caret is nearest the point, not under it: confirm with the range's boxes.
    const painted = this.painted.find((p) => p.mention === hit.mention);
    const inside = painted?.ranges.some((r) => [...r.getClientRects()].some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom));
    return inside ? hit.mention : undefined;
  }

  unmarkWithin(root: Node): void {
    for (let i = this.painted.length - 1; i >= 0; i--) {
      const p = this.painted[i]!;
      if (!p.ranges.some((r) => root.contains(r.startContainer))) continue;
      for (const r of p.ranges) for (const h of this.highlights.values()) h.delete(r);
      this.painted.splice(i, 1);
    }
    for (const node of [...this.byNode.keys()]) if (root.contains(node)) this.byNode.delete(node);
  }

  unmarkAll(): void {
    for (const type of this.highlights.keys()) (CSS as unknown as { highlights: HighlightRegistry }).highlights.delete(`factmark-${type}`);
    this.highlights.clear();
    this.byNode.clear();
    this.painted.length = 0;
  }
}
