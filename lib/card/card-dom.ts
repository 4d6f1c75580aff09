/**
 * The card controller's small DOM helpers: where focus really is (through open shadow
 * roots), whether a point is on a mark, the focus loop inside the card, and measuring and
 * moving the card beside its mark (the geometry itself is place-card.ts).
 */
import { anchorRect, placeCard, type Placement } from './place-card';

/** The focused element, looking through open shadow roots but stopping at `host` (ours). */
export function activeElement(doc: Document, host: Element | undefined): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement && el !== host) el = el.shadowRoot.activeElement;
  return el;
}

/** Whether a viewport point is on one of the boxes of a mark (element or range). */
export function pointIn(anchor: Element | Range | undefined, x: number, y: number): boolean {
  return !!anchor && [...anchor.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}

/**
 * Tab and Shift+Tab go round the card's controls rather than out of it: its host sits at
 * the end of the document, so leaving it would land far from the mark. Escape is the way
 * back to the mark. Returns whether it moved focus.
 */
export function wrapFocus(card: HTMLElement, active: Element | null, backwards: boolean): boolean {
  const controls = [...card.querySelectorAll<HTMLElement>('button, a[href], textarea, input, select, [tabindex="0"]')].filter((el) => !el.hasAttribute('disabled'));
  if (controls.length === 0) return false;
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  const target = backwards ? (active === first || active === card ? last : undefined) : active === last ? first : undefined;
  target?.focus();
  return target !== undefined;
}

/**
 * Measures the card and moves its layer beside the anchor. Undefined when the anchor is
 * gone from the page (the caller closes the card).
 */
export function positionLayer(layer: HTMLElement, card: HTMLElement, anchor: Element | Range | undefined, dir: 'ltr' | 'rtl'): Placement | undefined {
  const connected = anchor instanceof Element ? anchor.isConnected : anchor?.startContainer.isConnected;
  const rect = anchor && connected ? anchorRect(anchor) : undefined;
  if (!rect) return undefined;
  // Measured at its natural height: a cap set for a previous position must not stick.
  card.style.removeProperty('--max-block');
  const size = card.getBoundingClientRect();
  const doc = layer.ownerDocument;
  const win = doc.defaultView;
  const viewport = { width: doc.documentElement.clientWidth || win?.innerWidth || 0, height: doc.documentElement.clientHeight || win?.innerHeight || 0 };
  const placement = placeCard({ anchor: rect, card: { width: size.width, height: size.height }, viewport, dir });
  if (placement.maxHeight !== undefined) card.style.setProperty('--max-block', `${placement.maxHeight}px`);
  layer.style.top = `${placement.top}px`;
  layer.style.left = `${placement.left}px`;
  layer.dataset.side = placement.side;
  return placement;
}
