/**
 * The one message protocol between Factmark's contexts. Every message is named here with
 * its request fields and its response; validate-message.ts checks each one where it is
 * received. To add a message: add it to the map, give it a validator and an access level
 * (both tables are typed so a missing entry fails `tsc`), then a handler.
 *
 * Content scripts, the popup, the side panel, the options and source pages talk to the
 * background (BackgroundRequests); the background talks to content scripts
 * (ContentRequests). Replies are always a `Reply`: handlers never throw across contexts.
 */
import type { DealBundle } from '../deals/types';
import type { BlockText, Mention } from '../match/find-mentions';
import type { EntityType } from '../pack/types';
import type { Settings, SettingsPatch } from '../settings';
import type { SearchResults } from '../search/search';
import type { DealView, DictionaryEntry, EnsureAction, EntityCard, EntitySummary, PackMeta, SourceView, StoreErrorCode } from '../store';

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; code?: string };

type NoFields = Record<never, never>;

export interface StoreStatus {
  state: 'loading' | 'ready' | 'error';
  /** What ensureBundledPack last changed in this service worker's life ('unchanged' if nothing). */
  lastAction?: EnsureAction;
  error?: { code: StoreErrorCode; message: string };
  evictions: number;
  lastEvictedAt?: number;
  persisted?: boolean;
  /** Imports found half-written since this service worker started (their writer gone), and removed. */
  interrupted?: Array<{ id: string; name: string; version: string }>;
}

export interface Status {
  packs: PackMeta[];
  store: StoreStatus;
}

export interface TabState {
  tabId: number;
  /** Distinct entities marked in the tab, all frames together, in first-seen order. */
  entityIds: string[];
  /** Marks on the page (a name marked twice counts twice). */
  count: number;
  /** False when the reader turned Factmark off on this page (the shortcut or the popup); the top frame decides. */
  active?: boolean;
}

export interface Dictionary {
  entries: DictionaryEntry[];
  /** Changes whenever the enabled packs change: a content script may cache by it. */
  key: string;
}

export interface BackgroundRequests {
  getStatus: { request: NoFields; response: Status };
  getDictionary: { request: NoFields; response: Dictionary };
  /** Content scripts: the page's blocks in, its mentions out (lib/background/matcher-service.ts). */
  matchBlocks: { request: { blocks: BlockText[]; types: EntityType[] }; response: Mention[] };
  getEntityCard: { request: { id: string }; response: EntityCard | null };
  getDeals: { request: { entityIds: string[] }; response: DealView[] };
  getAllDeals: { request: NoFields; response: DealView[] };
  /**
   * The side panel's deals with their figures, sources and entities (lib/deals). With
   * `entityIds`: the deals they, or their organisations, take part in; without: all deals.
   */
  getDealBundle: { request: { entityIds?: string[] }; response: DealBundle };
  getSource: { request: { id: string; packId?: string }; response: SourceView | null };
  getSettings: { request: NoFields; response: Settings };
  /** Privileged. */
  updateSettings: { request: { patch: SettingsPatch }; response: Settings };
  /** From our own card on the page too ("Mute this entity"); `muted: false` undoes it. */
  muteEntity: { request: { id: string; muted?: boolean }; response: Settings };
  /** "Not this one here". From a content script, `site` must be its own host or a parent domain. */
  addCorrection: { request: { entityId: string; site: string }; response: Settings };
  /** Content scripts only: what this frame marked. The tab and frame come from the sender. */
  reportPageState: { request: { entityIds: string[]; count: number; active?: boolean }; response: TabState };
  getTabState: { request: { tabId: number }; response: TabState | null };
  openSidePanel: { request: { tabId?: number }; response: { opened: boolean } };
  openSource: { request: { sourceId: string; packId?: string; quote?: string }; response: { tabId: number | null } };
  /**
   * Privileged. Relays focusMark to the tab's top frame: a content script only obeys senders
   * outside any tab, and the side panel may be shown in a tab (sidepanel.html?tab=<id>).
   */
  focusMarkInTab: { request: { tabId: number; entityId: string }; response: { found: boolean } };
  /** Privileged. */
  setPackEnabled: { request: { packId: string; enabled: boolean }; response: PackMeta[] };
  /** Privileged. The bundled pack cannot be removed (it would come back on the next start). */
  removePack: { request: { packId: string }; response: { removed: boolean } };
  /**
   * Privileged. The options page wrote to the store itself (a pack import, which is too
   * big for a message): the background drops what it derived from the packs.
   */
  packsChanged: { request: NoFields; response: Status };
  /**
   * Privileged. An import's file is parsed and is being checked: `entriesJson` is the
   * pack's dictionary (its
   * dictionary row's text). The background builds its matcher with it meanwhile, for use
   * once the pack is installed with this hash (lib/background/prepared-matcher.ts).
   */
  prepareMatcher: { request: { packId: string; hash: string; entriesJson: string }; response: { prepared: boolean } };
  /**
   * Privileged. "Factmark, this page" from the popup: toggles a running content script, or
   * injects it where the browser did not start it (activeTab; see lib/background/run-on-tab.ts).
   */
  runOnTab: { request: { tabId: number }; response: { injected: boolean; active: boolean | null } };
  /**
   * The popup's search box (lib/search): results grouped by kind, best first, with the
   * query's words marked. `limit` is hits per group (default 5, at most 50). An empty
   * query returns nothing and starts loading the index, so the popup sends one as it opens.
   */
  search: { request: { query: string; limit?: number }; response: SearchResults };
  /** Names and types of entities, in the order asked, unknown ids left out (the popup's "this page" list). */
  getEntitySummaries: { request: { ids: string[] }; response: EntitySummary[] };
}

export interface ContentRequests {
  settingsChanged: { request: { settings: Settings }; response: null };
  focusMark: { request: { entityId: string }; response: { found: boolean } };
  togglePage: { request: NoFields; response: { active: boolean } };
  /** The next-mark / previous-mark keyboard commands. */
  stepMark: { request: { direction: 'next' | 'previous' }; response: { found: boolean } };
  /** Whether a content script runs in the frame (before injecting one: see runOnTab). */
  ping: { request: NoFields; response: { running: true } };
  /** The enabled packs changed: match the page again with the new dictionary. */
  packsChanged: { request: NoFields; response: null };
}

type MessagesOf<Map extends object> = { [K in keyof Map & string]: { type: K } & (Map[K] extends { request: infer R } ? R : never) }[keyof Map & string];
type ResponsesOf<Map extends object, K extends keyof Map> = Map[K] extends { response: infer R } ? R : never;

export type BackgroundType = keyof BackgroundRequests;
export type BackgroundMessage = MessagesOf<BackgroundRequests>;
export type BackgroundResponse<K extends BackgroundType> = ResponsesOf<BackgroundRequests, K>;

export type ContentType = keyof ContentRequests;
export type ContentMessage = MessagesOf<ContentRequests>;
export type ContentResponse<K extends ContentType> = ResponsesOf<ContentRequests, K>;

/**
 * Who may send a message:
 * - `any`: any context of this extension (content scripts included);
 * - `content-script`: only a content script, which the sender's tab identifies;
 * - `privileged`: only extension pages (popup, side panel, options, source page).
 */
export type Access = 'any' | 'content-script' | 'privileged';

export const BACKGROUND_ACCESS: { readonly [K in BackgroundType]: Access } = {
  getStatus: 'any',
  getDictionary: 'any',
  matchBlocks: 'content-script',
  getEntityCard: 'any',
  getDeals: 'any',
  getAllDeals: 'any',
  getDealBundle: 'any',
  getSource: 'any',
  getSettings: 'any',
  updateSettings: 'privileged',
  // Mute and "not this one here" come from our own card in the page's shadow root: a user
  // action, low-stakes and undoable in the options page. A content script can only ever
  // hide marks with them, never show or change data.
  muteEntity: 'any',
  addCorrection: 'any',
  reportPageState: 'content-script',
  getTabState: 'any',
  openSidePanel: 'any',
  openSource: 'any',
  focusMarkInTab: 'privileged',
  setPackEnabled: 'privileged',
  removePack: 'privileged',
  packsChanged: 'privileged',
  prepareMatcher: 'privileged',
  runOnTab: 'privileged',
  // Reads only what the card already shows; the card in the page may search one day too.
  search: 'any',
  getEntitySummaries: 'any',
};
