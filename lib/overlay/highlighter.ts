/**
 * Wrapping mentions in <mark> elements with mark.js, and undoing it exactly.
 *
 * mark.js is fed the ranges the matcher found, one text node at a time (each call's
 * context is a single text node, so its cost does not grow with the page: a page-wide
 * `markRanges` re-reads every text node of the page per call). A mention that crosses
 * inline markup ("Khalil <a>Hashmi</a>") becomes one <mark> per text node, sharing a
 * mention id. Within a text node, pieces are wrapped right to left so that the original
 * node keeps its identity as the leftmost piece; undo removes exactly the nodes we
 * inserted after it and gives it back its text (mark.js's own unmark() normalises the
 * parent, which would also merge text nodes the page had kept apart).
 */
import Mark from 'mark.js';
import type { Mention } from '../match/find-mentions';
import { locate, type TextBlock } from './text-blocks';

export const MARK_ATTR = 'data-factmark-entity';
export const MENTION_ATTR = 'data-factmark-mention';

export interface MarkedPiece {
  element: HTMLElement;
  mention: number;
}

interface Restore {
  node: Text;
  data: string;
  inserted: Node[];
}

export interface MarkOptions {
  /** Label read by screen readers on the first piece of each mention. */
  label: (m: Mention) => string;
}

interface Piece {
  node: Text;
  start: number;
  end: number;
  mention: number;
  first: boolean;
}

/** Splits each mention into per-text-node pieces. */
export function piecesOf(block: TextBlock, mentions: readonly Mention[], firstId: number): Piece[] {
  const pieces: Piece[] = [];
  mentions.forEach((m, k) => {
    const from = locate(block, m.start, false);
    const to = locate(block, m.end, true);
    let i = from.index;
    const last = to.index;
    for (let first = true; i <= last; i++, first = false) {
      const node = block.nodes[i]!;
      const start = node === from.node ? from.offset : 0;
      const end = node === to.node ? to.offset : node.data.length;
      if (end > start) pieces.push({ node, start, end, mention: firstId + k, first });
    }
  });
  return pieces;
}

export class DomHighlighter {
  private restores = new Map<Text, Restore>();
  readonly pieces: MarkedPiece[] = [];

  /** Wraps the mentions of one block. Returns the new <mark> elements in document order. */
  mark(block: TextBlock, mentions: readonly Mention[], firstId: number, options: MarkOptions): MarkedPiece[] {
    const pieces = piecesOf(block, mentions, firstId);
    const byNode = new Map<Text, Piece[]>();
    for (const p of pieces) {
      const list = byNode.get(p.node);
      if (list) list.push(p);
      else byNode.set(p.node, [p]);
    }
    const made: MarkedPiece[] = [];
    for (const [node, list] of byNode) {
      if (!node.parentNode) continue;
      const next = node.nextSibling;
      const data = node.data;
      const created: MarkedPiece[] = [];
      for (const p of [...list].sort((a, b) => b.start - a.start)) {
        const m = mentions[p.mention - firstId]!;
        // A text node as the context: mark.js walks it with a NodeIterator, which accepts any node.
        new Mark(node as unknown as HTMLElement).markRanges([{ start: p.start, length: p.end - p.start }], {
          element: 'mark',
          className: `factmark factmark-${m.type}`,
          each: (el: Element) => {
            const element = el as HTMLElement;
            element.setAttribute(MARK_ATTR, m.entityId);
            element.setAttribute(MENTION_ATTR, String(p.mention));
            element.dataset.factmarkType = m.type;
            if (p.first) {
              element.tabIndex = 0;
              element.setAttribute('role', 'button');
              element.setAttribute('aria-haspopup', 'dialog');
              element.setAttribute('aria-label', options.label(m));
            }
            created.unshift({ element, mention: p.mention });
          },
        });
      }
      const inserted: Node[] = [];
      for (let n = node.nextSibling; n && n !== next; n = n.nextSibling) inserted.push(n);
      const previous = this.restores.get(node);
      if (previous) previous.inserted.push(...inserted);
      else this.restores.set(node, { node, data, inserted });
      made.push(...created);
    }
    made.sort((a, b) => a.mention - b.mention);
    this.pieces.push(...made);
    return made;
  }

  /** Puts every text node back as it was, same node objects, same text. */
  unmarkAll(): void {
    for (const r of this.restores.values()) restore(r);
    this.restores.clear();
    this.pieces.length = 0;
  }

  /** Undoes the marks whose original text node lies inside `root` (before re-marking it). */
  unmarkWithin(root: Node): void {
    for (const [node, r] of this.restores) {
      if (!root.contains(node) && !r.inserted.some((n) => root.contains(n))) continue;
      restore(r);
      this.restores.delete(node);
    }
    for (let i = this.pieces.length - 1; i >= 0; i--) if (!this.pieces[i]!.element.isConnected) this.pieces.splice(i, 1);
  }

  /** Our own nodes, so the page observer can ignore the mutations we cause. */
  owns(node: Node): boolean {
    return node.nodeType === 1 && (node as Element).hasAttribute(MENTION_ATTR);
  }
}

function restore(r: Restore): void {
  const untouched = r.node.parentNode !== null && r.inserted.every((n) => n.parentNode === r.node.parentNode);
  if (untouched) {
    for (const n of r.inserted) n.parentNode!.removeChild(n);
    r.node.data = r.data;
    return;
  }
  // The page moved or replaced our nodes meanwhile: unwrap what is still ours, touch nothing else.
  for (const n of r.inserted) {
    if (n.nodeType === 1 && (n as Element).hasAttribute(MENTION_ATTR) && n.parentNode) {
      n.parentNode.replaceChild(document.createTextNode(n.textContent ?? ''), n);
    }
  }
}
