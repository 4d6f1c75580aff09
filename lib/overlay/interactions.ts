/**
 * Pointer and keyboard intents on marks, the same in both render modes: the overlay
 * says which mention is under the pointer or focused; the card decides what to do.
 * DOM mode reads event targets (<mark> elements, focusable); highlight mode hit-tests
 * the pointer against our ranges. All listeners are bound to `signal`.
 */
import { MENTION_ATTR } from './highlighter';
import type { Overlay } from './overlay';

export type Via = 'hover' | 'click' | 'keyboard';

export interface IntentHandler {
  /** The pointer rests on a mention (the handler applies the hover delay). */
  enter(id: number): void;
  /** The pointer left the mention. */
  leave(id: number): void;
  /** Open now: click, tap, Enter on a focused mark, or the next/previous shortcut. */
  activate(id: number, via: Via): void;
}

function mentionIdOf(target: EventTarget | null): number | undefined {
  const el = target instanceof Element ? target.closest(`[${MENTION_ATTR}]`) : null;
  const id = el?.getAttribute(MENTION_ATTR);
  return id ? Number(id) : undefined;
}

export function bindInteractions(doc: Document, overlay: () => Overlay | undefined, handler: IntentHandler, signal: AbortSignal): void {
  let hovered: number | undefined;
  const idAt = (e: MouseEvent) => {
    const o = overlay();
    if (!o) return undefined;
    return o.mode === 'dom' ? mentionIdOf(e.target) : o.mentionAt(e.clientX, e.clientY);
  };
  const move = (e: MouseEvent) => {
    const id = idAt(e);
    if (id === hovered) return;
    if (hovered !== undefined) handler.leave(hovered);
    hovered = id;
    if (id !== undefined) handler.enter(id);
  };
  const opts = { capture: true, passive: true, signal };
  doc.addEventListener('mouseover', move, opts);
  doc.addEventListener('mousemove', (e) => {
    if (overlay()?.mode === 'highlight') move(e);
  }, opts);
  doc.addEventListener('mouseout', (e) => {
    if (hovered !== undefined && overlay()?.mode === 'dom' && mentionIdOf(e.relatedTarget) !== hovered) {
      handler.leave(hovered);
      hovered = undefined;
    }
  }, opts);
  doc.addEventListener(
    'click',
    (e) => {
      const id = idAt(e);
      if (id === undefined) return;
      // A mark inside a link: the first click shows the card, it does not follow the link.
      if (e.target instanceof Element && e.target.closest('a[href]')) e.preventDefault();
      handler.activate(id, 'click');
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const id = mentionIdOf(e.target);
      if (id === undefined) return;
      e.preventDefault();
      handler.activate(id, 'keyboard');
    },
    { capture: true, signal },
  );
}

/** Moves to the next (or previous) mention after the current one, scrolls it into view, and opens it. */
export function step(overlay: Overlay, current: number | undefined, direction: 1 | -1, handler: IntentHandler): number | undefined {
  const list = overlay.list;
  if (list.length === 0) return undefined;
  let index = list.findIndex((m) => m.id === current);
  index = index < 0 ? (direction === 1 ? 0 : list.length - 1) : (index + direction + list.length) % list.length;
  const target = list[index]!;
  const anchor = target.anchor();
  if (anchor instanceof Element) {
    anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
    (anchor as HTMLElement).focus?.({ preventScroll: true });
  } else if (anchor) {
    anchor.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
  handler.activate(target.id, 'keyboard');
  return target.id;
}
