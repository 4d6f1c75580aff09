/**
 * The card controller: the overlay's intents (hover, click, keyboard) in, one entity card
 * on the page out. It decides when the card opens and closes, where it sits, where focus
 * goes, and times each opening (performance marks `factmark-card-intent` →
 * `factmark-card-shown`, measure `factmark-card-open`). Rendering is components/card.
 *
 * Closing: Escape (focus returns where it was), the close button, a click outside (not
 * when pinned), the pointer leaving a hover-opened card, its mark scrolling away or
 * leaving the page. Everything is bound to the content script's ctx.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCardSurface, type CardSurface } from '../../components/card/card-surface';
import type { CardActions } from '../../components/card/card-container';
import type { CardState } from '../../components/card/card-view';
import { uiDirection } from '../i18n';
import type { EntityType } from '../pack/types';
import type { Theme } from '../settings/settings';
import type { IntentSink } from '../overlay/content-app';
import type { Via } from '../overlay/interactions';
import type { EntityCard } from '../store/views';
import type { CardBridge } from './card-bridge';
import { copyText } from './copy-text';
import { HoverIntent } from './hover-intent';
import { uiLocale } from './locale';
import { readPageTone, resolveTheme } from './page-theme';
import { activeElement, pointIn, positionLayer, wrapFocus } from './card-dom';

/** What the controller needs to know about a mention (OverlayMention fits). */
export interface CardMention {
  id: number;
  mention: { entityId: string; name: string; type: EntityType };
  anchor(): Element | Range | undefined;
}

export interface CardSinkDeps {
  /** Looks a mention id up in the current overlay. */
  mention(id: number): CardMention | undefined;
  /** Settings and the background's answers (the content script's: messaging). */
  bridge: CardBridge;
  surface?: (ctx: ContentScriptContext) => Promise<CardSurface>;
  /** The page's host, for "Not this one here". */
  site?: string;
}

export const MARKS = { intent: 'factmark-card-intent', shown: 'factmark-card-shown', open: 'factmark-card-open' } as const;

interface OpenCard {
  mention: CardMention;
  via: Via;
  seq: number;
  /** Clicked, opened from the keyboard, or touched inside: the pointer no longer closes it. */
  sticky: boolean;
  /** Where focus was before the card took it. */
  returnFocus: Element | null;
  measured: boolean;
  /** The card has been shown beside a visible mark (so a later scroll-away means the reader moved on). */
  seen: boolean;
}

type CloseReason = 'escape' | 'button' | 'outside' | 'hover' | 'scrolled' | 'gone' | 'reset';

export function createCardSink(ctx: ContentScriptContext, deps: CardSinkDeps): IntentSink {
  const { bridge } = deps;
  const site = deps.site ?? location.hostname;
  const doc = document;
  const win = window;
  // Read when the first card opens, like the locale: the first use of browser.i18n in a
  // page builds its bindings, which a page nobody hovers should not pay for.
  let dir: 'ltr' | 'rtl' | undefined;
  // Asked for when the first card opens: Intl's locale check costs ~12 ms on a cold page
  // (measured in the bench's page with no mentions), which a page nobody hovers should not pay.
  let locale: string | undefined;
  let theme: Theme = 'auto';
  let hoverDelay = 350;
  let surface: Promise<CardSurface> | undefined;
  let ui: CardSurface | undefined;
  let current: OpenCard | undefined;
  let pinned = false;
  let seq = 0;
  let frame = 0;
  const cache = new Map<string, Promise<EntityCard | null>>();

  void bridge.settings().then((s) => {
    theme = s.theme;
    hoverDelay = s.hoverDelayMs;
    // A card opened before the settings arrived was drawn with the defaults.
    if (current) renderCurrent();
  }, () => {});
  const unwatch = bridge.watchSettings((s) => {
    theme = s.theme;
    hoverDelay = s.hoverDelayMs;
    if (current) renderCurrent();
  });
  ctx.onInvalidated(unwatch);

  const load = (entityId: string) => {
    let hit = cache.get(entityId);
    if (!hit) {
      hit = bridge.card(entityId);
      cache.set(entityId, hit);
      // A failure is not remembered: the next opening asks again.
      hit.catch(() => cache.delete(entityId));
    }
    return hit;
  };

  const actions: CardActions = {
    load,
    openSource: (link) => bridge.openSource(link),
    showDeals: () => bridge.openSidePanel(),
    mute: (id) => bridge.mute(id),
    notHere: (id) => bridge.correct(id, site),
    copy: (text) => copyText(text, ui ? { scratch: ui.shadow } : {}),
  };

  const hover = new HoverIntent({
    delay: () => hoverDelay,
    openId: () => current?.mention.id,
    sticky: () => !!current && (current.sticky || pinned),
    open: (id) => void open(id, 'hover'),
    close: () => close('hover'),
    prefetch: (id) => {
      const m = deps.mention(id);
      if (m) void load(m.mention.entityId).catch(() => {});
    },
  });

  function surfaceReady(): Promise<CardSurface> {
    surface ??= (deps.surface ?? createCardSurface)(ctx).then((s) => {
      ui = s;
      bindSurface(s);
      return s;
    });
    return surface;
  }

  function bindSurface(s: CardSurface): void {
    const opts = { signal: ctx.signal };
    s.layer.addEventListener('pointerenter', () => hover.cardEnter(), opts);
    s.layer.addEventListener('pointerleave', () => hover.cardLeave(), opts);
    // Touching the card (a click, a focused control) shows the reader wants it: keep it.
    const engage = () => {
      if (current) current.sticky = true;
    };
    s.layer.addEventListener('pointerdown', engage, opts);
    s.layer.addEventListener('focusin', engage, opts);
  }

  function renderCurrent(): void {
    if (!ui || !current) return;
    const c = current;
    ui.render({
      key: c.seq,
      entityId: c.mention.mention.entityId,
      header: { name: c.mention.mention.name, type: c.mention.mention.type },
      actions,
      theme: resolveTheme(theme, readPageTone(doc)),
      dir: (dir ??= uiDirection()),
      locale: (locale ??= uiLocale()),
      pinned,
      autoFocus: c.via === 'keyboard',
      onPin: () => {
        pinned = !pinned;
        if (current) current.sticky = true;
        renderCurrent();
      },
      onClose: () => close('button'),
      onRendered: (state) => rendered(c, state),
    });
  }

  function rendered(c: OpenCard, state: CardState): void {
    if (c !== current) return;
    place();
    if (state === 'loading' || c.measured) return;
    c.measured = true;
    try {
      performance.mark(MARKS.shown);
      performance.measure(MARKS.open, MARKS.intent, MARKS.shown);
    } catch {
      // A page may have replaced `performance`; timing is only for us.
    }
  }

  async function open(id: number, via: Via): Promise<void> {
    const mention = deps.mention(id);
    if (!mention) return;
    if (current?.mention.id === id) {
      if (via !== 'hover') current.sticky = true;
      if (via === 'keyboard') ui?.card()?.focus({ preventScroll: true });
      return;
    }
    try {
      performance.clearMarks(MARKS.intent);
      performance.clearMarks(MARKS.shown);
      performance.clearMeasures(MARKS.open);
      performance.mark(MARKS.intent);
    } catch {
      // See rendered().
    }
    // Focus inside the card already (stepping from mark to mark): keep the original place.
    const focused = activeElement(doc, ui?.host);
    const returnFocus = ui && focused === ui.host ? (current?.returnFocus ?? null) : focused;
    if (current?.mention.id !== id) pinned = false;
    void load(mention.mention.entityId).catch(() => {});
    const s = await surfaceReady();
    if (ctx.isInvalid || deps.mention(id) !== mention) return;
    if (current) hover.reset();
    current = { mention, via, seq: ++seq, sticky: via !== 'hover', returnFocus, measured: false, seen: false };
    s.layer.removeAttribute('data-placed');
    s.show();
    renderCurrent();
    listen();
  }

  function close(reason: CloseReason): void {
    const c = current;
    if (!c || !ui) return;
    const focusInside = ui.shadow.activeElement !== null;
    current = undefined;
    pinned = false;
    // A hover close keeps the pointer's pending intent: it is usually on its way to the next mark.
    if (reason !== 'hover') hover.reset();
    unlisten();
    ui.render(null);
    ui.hide();
    const giveBack = reason === 'escape' || reason === 'button' || ((reason === 'gone' || reason === 'reset') && focusInside);
    if (focusInside && giveBack && c.returnFocus instanceof HTMLElement && c.returnFocus.isConnected) c.returnFocus.focus({ preventScroll: true });
  }

  function place(): void {
    const c = current;
    const card = ui?.card();
    if (!c || !ui || !card) return;
    const placement = positionLayer(ui.layer, card, c.mention.anchor(), (dir ??= uiDirection()));
    if (!placement) return close('gone');
    // A smooth scrollIntoView (the next-mark shortcut) starts with the mark still off-screen:
    // only a mark that was visible and then scrolled away closes the card.
    if (placement.anchorHidden && c.seen && !pinned && ui.shadow.activeElement === null) return close('scrolled');
    if (!placement.anchorHidden) c.seen = true;
    ui.layer.setAttribute('data-placed', '');
  }

  function schedulePlace(): void {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  }

  let listening: AbortController | undefined;
  function listen(): void {
    if (listening) return;
    listening = new AbortController();
    const signal = AbortSignal.any([listening.signal, ctx.signal]);
    const passive = { capture: true, passive: true, signal };
    win.addEventListener('scroll', schedulePlace, passive);
    win.addEventListener('resize', schedulePlace, passive);
    doc.addEventListener('fullscreenchange', () => {
      ui?.restack();
      schedulePlace();
    }, { signal });
    doc.addEventListener('keydown', onKeydown, { capture: true, signal });
    doc.addEventListener('pointerdown', onPointerDown, { capture: true, signal });
    if (ui && typeof ResizeObserver === 'function') {
      const observer = new ResizeObserver(() => schedulePlace());
      observer.observe(ui.layer);
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    }
  }

  function unlisten(): void {
    listening?.abort();
    listening = undefined;
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  }

  function onKeydown(e: KeyboardEvent): void {
    if (!current || !ui) return;
    const inside = e.composedPath().includes(ui.host);
    if (e.key === 'Escape') {
      close('escape');
      if (inside) {
        e.preventDefault();
        e.stopPropagation();
      }
      return;
    }
    if (e.key === 'Tab' && inside) {
      const card = ui.card();
      if (card && wrapFocus(card, ui.shadow.activeElement, e.shiftKey)) e.preventDefault();
      return;
    }
    // Tab from the mark whose card is open goes into the card (its host is at the end of
    // the page, so the browser's own order would skip it).
    const anchor = current.mention.anchor();
    if (e.key === 'Tab' && !e.shiftKey && !inside && anchor instanceof Element && activeElement(doc, ui.host) === anchor) {
      e.preventDefault();
      current.sticky = true;
      ui.card()?.focus({ preventScroll: true });
    }
  }

  function onPointerDown(e: PointerEvent): void {
    if (!current || !ui || pinned) return;
    if (e.composedPath().includes(ui.host)) return;
    // On the open card's own mark: the click that follows keeps it (interactions.ts).
    if (pointIn(current.mention.anchor(), e.clientX, e.clientY)) return;
    close('outside');
  }

  ctx.onInvalidated(() => {
    unlisten();
    ui?.remove();
  });

  return {
    enter: (id) => hover.enter(id),
    leave: (id) => hover.leave(id),
    activate: (id, via) => {
      hover.reset();
      void open(id, via);
    },
    reset: () => {
      cache.clear();
      close('reset');
    },
  };
}
