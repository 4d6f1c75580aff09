/**
 * The content script's logic (the entry file only wires it): decides whether and how to
 * mark this page, runs the overlay, reports the page's entities to the background, and
 * routes intents on marks to the card. Everything it does is undone when its signal aborts.
 */
import { buildDictionary, type Dictionary, type DictionaryEntity } from '../match/dictionary';
import { t } from '../i18n';
import { isActiveOn, isCorrectedOn, isMuted, usesNoMutationMode, type Settings } from '../settings';
import { cssHighlightsSupported } from './css-highlighter';
import { bindInteractions, step, type IntentHandler } from './interactions';
import { installMarkStyles } from './mark-styles';
import { Overlay, type OverlayMention, type RenderMode } from './overlay';

export interface PageState {
  entityIds: string[];
  count: number;
  active: boolean;
  mode: RenderMode;
}

export interface ContentBridge {
  dictionary(): Promise<DictionaryEntity[]>;
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

export function renderModeFor(settings: Settings, doc: Document, host: string): RenderMode {
  if (!cssHighlightsSupported()) return 'dom';
  if (usesNoMutationMode(settings, host)) return 'highlight';
  return wrappingUnsafe(doc) ? 'highlight' : 'dom';
}

export class ContentApp {
  private overlay: Overlay | undefined;
  private overlayAbort: AbortController | undefined;
  private dictionary: Promise<Dictionary> | undefined;
  private dictionaryTypes = '';
  private settings: Settings | undefined;
  private removeStyles: (() => void) | undefined;
  private focused: number | undefined;
  /** The user turned the page off with the shortcut or the popup (until reload). */
  private pausedHere = false;

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
    this.pausedHere = !this.pausedHere;
    if (this.settings) await this.apply(this.settings);
    return !this.pausedHere;
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

  /** SPA navigation: the page is new even if the document is not. */
  navigated(): void {
    void this.overlay?.rescan();
  }

  private async apply(settings: Settings): Promise<void> {
    this.settings = settings;
    const active = !this.pausedHere && isActiveOn(settings, this.host) && this.doc.body !== null;
    const mode = renderModeFor(settings, this.doc, this.host);
    this.stopOverlay();
    if (!active) {
      this.bridge.report({ entityIds: [], count: 0, active: false, mode });
      return;
    }
    const types = settings.markTypes.join(',');
    if (!this.dictionary || types !== this.dictionaryTypes) {
      this.dictionaryTypes = types;
      this.dictionary = this.bridge.dictionary().then((entities) => buildDictionary(entities.filter((e) => settings.markTypes.includes(e.type))));
    }
    const dictionary = await this.dictionary;
    if (this.signal.aborted) return;
    this.removeStyles = installMarkStyles(this.doc, settings.markStyle);
    this.overlayAbort = new AbortController();
    const hidden = (id: string) => isMuted(settings, id) || isCorrectedOn(settings, id, this.host);
    this.overlay = new Overlay({
      root: this.doc.body!,
      dictionary,
      mode,
      hidden,
      label: (m) => t('markLabel', m.surface, m.name, t(`type_${m.type}`)),
      onChange: (list) => this.report(list, mode),
      signal: this.overlayAbort.signal,
    });
    await this.overlay.start();
  }

  private report(list: readonly OverlayMention[], mode: RenderMode): void {
    const entityIds = [...new Set(list.map((m) => m.mention.entityId))];
    this.bridge.report({ entityIds, count: list.length, active: true, mode });
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
