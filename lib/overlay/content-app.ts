/**
 * The content script's logic (the entry file only wires it): decides whether and how to
 * mark this page, runs the overlay, reports the page's entities to the background, and
 * routes intents on marks to the card. Everything it does is undone when its signal aborts.
 */
import type { BlockText, Mention } from '../match/find-mentions';
import type { FindMentions } from '../match/mention-finder';
import type { EntityType } from '../pack/types';
import { t } from '../i18n';
// The pure settings modules only: lib/settings/index also brings WXT's storage item, which
// content scripts do not use (they get settings by message: lib/settings/settings-feed.ts).
import type { Settings } from '../settings/settings';
import { isActiveOn, usesNoMutationMode } from '../settings/site-rules';
import { isCorrectedOn, isMuted } from '../settings/user-lists';
import { cssHighlightsSupported } from './css-highlighter';
import { bindInteractions, step, type IntentHandler } from './interactions';
import { installMarkStyles } from './mark-styles';
import { Overlay, type OverlayMention, type RenderMode } from './overlay';

export interface PageState {
  entityIds: string[];
  count: number;
  active: boolean;
}

export interface ContentBridge {
  /**
   * The page's blocks matched by the background, which holds the dictionary (see
   * lib/background/matcher-service.ts for why the page does not match by itself).
   */
  match(blocks: readonly BlockText[], types: readonly EntityType[]): Promise<Mention[]>;
  settings(): Promise<Settings>;
  watchSettings(onChange: (s: Settings) => void): () => void;
  report(state: PageState): void;
}

/** What the card needs from the overlay; the card itself lives in components/ (shadow root). */
export interface IntentSink extends IntentHandler {
  /** The overlay went away or changed: close any card that points at a mention. */
  reset(): void;
}

/**
 * Pages whose framework owns its text nodes break when we split them (React, Vue,
 * Angular and Svelte re-render from their own copies): mark those with CSS highlights.
 */
export function wrappingUnsafe(doc: Document): boolean {
  return doc.querySelector('[data-reactroot], #__next, #__nuxt, [ng-version], [data-v-app], #___gatsby, [data-server-rendered]') !== null;
}

/**
 * What the settings and the browser decide of the render mode; 'by-page' leaves it to
 * the page (wrappingUnsafe), looked at only when marks are made: on a large page that
 * selector visits every element (~0.7 ms on a 9,500-element page), and most pages are
 * only probed.
 */
function renderChoice(settings: Settings, host: string): RenderMode | 'by-page' {
  if (!cssHighlightsSupported()) return 'dom';
  if (usesNoMutationMode(settings, host)) return 'highlight';
  return 'by-page';
}

/**
 * A page that names known entities thousands of times is painted with highlights too:
 * wrapping is work for the page's layout for every mark (a 20,000-paragraph page with
 * 40,000 marks took 18 s as elements, 1.5 s as highlights, in Chromium).
 */
export const MANY_MARKS = 2000;

const pageRenderMode = (doc: Document, marks: number): RenderMode => (marks > MANY_MARKS || wrappingUnsafe(doc) ? 'highlight' : 'dom');

/**
 * Could the page mention anything? Its rendered text (innerText: one native call, lines at
 * block boundaries, no nodes visited) matched like the page itself. Nothing there and the
 * DOM need not be read. Text hidden by CSS is not in it: marks there could not be seen.
 */
async function probeRenderedText(root: HTMLElement, find: FindMentions, hidden: (entityId: string) => boolean): Promise<boolean> {
  const text = root.innerText ?? root.textContent ?? '';
  const blocks: BlockText[] = [];
  for (const line of text.split('\n')) if (/\S/.test(line)) blocks.push({ text: line, heading: false });
  if (blocks.length === 0) return false;
  return (await find(blocks)).some((m) => !hidden(m.entityId));
}

export class ContentApp {
  private overlay: Overlay | undefined;
  private overlayAbort: AbortController | undefined;
  private settings: Settings | undefined;
  private removeStyles: (() => void) | undefined;
  private focused: number | undefined;
  /** The user turned this page on or off with the shortcut or the popup (until reload). */
  private override: 'on' | 'off' | undefined;
  private active = false;
  private appliedKey = '';
  private appliedStyle = '';
  /** This page had marks: later overlays read it without probing first. */
  private readAtOnce = false;

  constructor(
    private readonly doc: Document,
    private readonly host: string,
    private readonly bridge: ContentBridge,
    private readonly sink: IntentSink,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.teardown(), { once: true });
  }

  async start(): Promise<void> {
    this.settings = await this.bridge.settings();
    const unwatch = this.bridge.watchSettings((s) => void this.apply(s));
    this.signal.addEventListener('abort', unwatch, { once: true });
    bindInteractions(this.doc, () => this.overlay, {
      enter: (id) => this.sink.enter(id),
      leave: (id) => this.sink.leave(id),
      activate: (id, via) => {
        this.focused = id;
        this.sink.activate(id, via);
      },
    }, this.signal);
    await this.apply(this.settings);
  }

  get current(): Overlay | undefined {
    return this.overlay;
  }

  /** Turns marking on this page off or back on (keyboard shortcut, popup). */
  async toggle(): Promise<boolean> {
    // Whatever the settings say for this site (off, or opt-in mode), the shortcut flips it.
    this.override = this.active ? 'off' : 'on';
    if (this.settings) await this.apply(this.settings);
    return this.active;
  }

  step(direction: 1 | -1): void {
    if (!this.overlay) return;
    this.focused = step(this.overlay, this.focused, direction, this.sink);
  }

  /** Scrolls to the first mark of an entity and opens its card (side panel, popup). */
  reveal(entityId: string): boolean {
    const target = this.overlay?.list.find((m) => m.mention.entityId === entityId);
    if (!target || !this.overlay) return false;
    this.focused = step(this.overlay, this.overlay.list[this.overlay.list.indexOf(target) - 1]?.id ?? -1, 1, this.sink);
    return true;
  }

  /** The enabled packs changed: read the page again (the background matches with the new packs). */
  async packsChanged(): Promise<void> {
    this.appliedKey = '';
    if (this.settings) await this.apply(this.settings);
  }

  /** SPA navigation: the page is new even if the document is not. */
  navigated(): void {
    void this.overlay?.rescan();
  }

  private async apply(settings: Settings): Promise<void> {
    this.settings = settings;
    const wanted = this.override === undefined ? isActiveOn(settings, this.host) : this.override === 'on';
    this.active = wanted && this.doc.body !== null;
    const choice = renderChoice(settings, this.host);
    // Settings that do not change the marks (theme, hover delay, other sites' rules) leave
    // the page alone: re-marking would flicker and close an open card.
    const key = this.overlayKey(settings, choice);
    if (key === this.appliedKey && (this.overlay !== undefined) === this.active) {
      if (settings.markStyle !== this.appliedStyle && this.removeStyles) this.restyle(settings);
      return;
    }
    this.appliedKey = key;
    // A page that had marks is read again at once: probing it first would only lengthen the
    // moment without marks (a mute, a pack switched) by a round trip.
    if ((this.overlay?.list.length ?? 0) > 0) this.readAtOnce = true;
    this.stopOverlay();
    if (!this.active) {
      this.bridge.report({ entityIds: [], count: 0, active: false });
      return;
    }
    if (this.signal.aborted) return;
    const types = [...settings.markTypes];
    const find: FindMentions = (blocks) => this.bridge.match(blocks, types);
    // Nothing is awaited between stopping the old overlay and starting this one, so a
    // settings or pack change arriving meanwhile cannot leave two overlays on the page.
    this.overlayAbort = new AbortController();
    const hidden = (id: string) => isMuted(settings, id) || isCorrectedOn(settings, id, this.host);
    const overlay = new Overlay({
      root: this.doc.body!,
      find,
      mode: choice === 'by-page' ? (marks) => pageRenderMode(this.doc, marks) : choice,
      hidden,
      label: (m) => t('markLabel', m.surface, m.name, t(`type_${m.type}`)),
      onChange: (list) => this.report(list),
      beforeFirstMark: () => this.restyle(settings),
      ...(this.readAtOnce ? {} : { probe: () => probeRenderedText(this.doc.body!, find, hidden) }),
      signal: this.overlayAbort.signal,
    });
    this.overlay = overlay;
    await overlay.start();
  }

  /** What decides the marks on this page; a change of it means marking again. */
  private overlayKey(settings: Settings, mode: RenderMode | 'by-page'): string {
    const hidden = [...settings.muted, ...settings.corrections.filter((c) => isCorrectedOn(settings, c.entityId, this.host)).map((c) => `here:${c.entityId}`)];
    return JSON.stringify([this.active, mode, settings.markTypes, hidden.sort()]);
  }

  private restyle(settings: Settings): void {
    this.removeStyles?.();
    this.removeStyles = installMarkStyles(this.doc, settings.markStyle);
    this.appliedStyle = settings.markStyle;
  }

  private report(list: readonly OverlayMention[]): void {
    const entityIds = [...new Set(list.map((m) => m.mention.entityId))];
    this.bridge.report({ entityIds, count: list.length, active: true });
  }

  private stopOverlay(): void {
    this.sink.reset();
    this.overlayAbort?.abort();
    this.overlayAbort = undefined;
    this.overlay = undefined;
    this.removeStyles?.();
    this.removeStyles = undefined;
  }

  private teardown(): void {
    this.stopOverlay();
  }
}
