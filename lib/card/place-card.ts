/**
 * Where the card goes: beside the mark, below it when there is room, above it when not,
 * aligned with the mark's start edge (left in LTR, right in RTL), and always inside the
 * viewport. Pure geometry over viewport coordinates (`position: fixed`), so it is the
 * same for a <mark> element and for a Range in highlight mode, and is tested as a table.
 */
export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** Set when neither side fits the card whole: it scrolls inside this height. */
  maxHeight?: number;
  /** The mark is outside the viewport (the page scrolled it away). */
  anchorHidden: boolean;
}

export interface PlaceInput {
  anchor: Rect;
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  dir?: 'ltr' | 'rtl';
  /** Space between the mark and the card. */
  gap?: number;
  /** Space kept free at the viewport's edges. */
  margin?: number;
}

const clamp = (value: number, lo: number, hi: number) => Math.min(Math.max(value, lo), Math.max(lo, hi));

export function placeCard({ anchor, card, viewport, dir = 'ltr', gap = 6, margin = 8 }: PlaceInput): Placement {
  const below = viewport.height - margin - (anchor.bottom + gap);
  const above = anchor.top - gap - margin;
  const anchorHidden = anchor.bottom < 0 || anchor.top > viewport.height || anchor.right < 0 || anchor.left > viewport.width;
  let side: Placement['side'];
  let maxHeight: number | undefined;
  if (card.height <= below) side = 'below';
  else if (card.height <= above) side = 'above';
  else {
    side = below >= above ? 'below' : 'above';
    maxHeight = Math.max(0, Math.floor(Math.max(below, above)));
  }
  const height = maxHeight ?? card.height;
  const preferred = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  const top = clamp(preferred, margin, viewport.height - margin - height);
  const start = dir === 'rtl' ? anchor.right - card.width : anchor.left;
  const left = clamp(start, margin, viewport.width - margin - card.width);
  return { top: Math.round(top), left: Math.round(left), side, anchorHidden, ...(maxHeight !== undefined ? { maxHeight } : {}) };
}

/** The box to place against: the first line of a wrapped mark, the full height of it. */
export function anchorRect(anchor: Element | Range): Rect | undefined {
  const box = anchor.getBoundingClientRect();
  const first = anchor.getClientRects()[0];
  if (!first && box.width === 0 && box.height === 0) return undefined;
  const line = first ?? box;
  return { top: box.top, bottom: box.bottom, left: line.left, right: line.right };
}
