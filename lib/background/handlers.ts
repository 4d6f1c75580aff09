/** The background's answer to every message of lib/messaging/protocol.ts. */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { BackgroundHandlers, HandlerContext } from '../messaging/create-handler';
import type { Dictionary, TabState } from '../messaging/protocol';
import type { PackMeta } from '../store/db';
import { loadSettings, updateSettings, type SettingsItem } from '../settings/settings-item';
import { applySettingsPatch, normaliseHost, parseSettingsPatch } from '../settings/settings';
import { hostAndParents } from '../settings/site-rules';
import { withCorrection, withMuted } from '../settings/user-lists';
import { dealBundle } from '../deals/deal-bundle';
import { sendToTab } from '../messaging/send-message';
import { allDeals, dealsByParty } from '../store/deal-queries';
import { entityCardWhenWritten } from '../store/entity-card-when-written';
import { entitySummaries, matcherDictionary, mergeEntries, packEntriesFromJson, packList } from '../store/entity-queries';
import { removePack, setPackEnabled } from '../store/load-pack';
import { sourceById } from '../store/source-queries';
import { enabledPackIds } from '../store/pack-order';
import { SearchService } from '../search/search-service';
import { buildFinder, MatcherService } from './matcher-service';
import { PACKS_KEY_ITEM } from './packs-key';
import { PreparedMatcher } from './prepared-matcher';
import type { SourceLink } from './open-source';
import { defaultRunOnTabDeps, runOnTab, type RunOnTabResult } from './run-on-tab';
import { StoreService } from './store-service';
import type { TabStates } from './tab-state';

/** How long the background keeps the dictionary it read, for the next request. */
const KEEP_DICTIONARY_MS = 10_000;

export interface BackgroundDeps {
  store: StoreService;
  tabs: TabStates;
  /** Resolves once `tabs` holds what the previous service worker knew. */
  tabsRestored: Promise<void>;
  settings: SettingsItem;
  setBadge(tabId: number, distinctEntities: number): Promise<void>;
  /** Must open synchronously (user gesture): see side-panel.ts. */
  openSidePanel(target: { tabId?: number; windowId?: number }): Promise<boolean>;
  openSource(link: SourceLink, openerTabId?: number): Promise<number | null>;
  /** Runs Factmark on a tab (lib/background/run-on-tab.ts). Default: runOnTab with the real browser. */
  runOnTab?(tabId: number): Promise<RunOnTabResult>;
  /** The options page changed the packs in the store: drop anything derived from them. */
  packsChanged?(): void;
  /** Scrolls a tab to an entity's first mark and opens its card. Default: focusMark to the top frame. */
  focusMark?(tabId: number, entityId: string): Promise<boolean>;
  /** The popup's search. Default: a SearchService over `store`, made on the first search. */
  search?: SearchService;
}

/** Open pages match again with the packs as they are now (all frames of every tab). */
async function tellTabs(): Promise<void> {
  const all = await browser.tabs.query({});
  await Promise.all(all.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, { type: 'packsChanged' }))));
}

/** The top frame: mark navigation is its job (as for the next-mark command). */
async function focusMarkInTopFrame(tabId: number, entityId: string): Promise<boolean> {
  const reply = await sendToTab(tabId, { type: 'focusMark', entityId }, { frameId: 0 });
  return reply.ok && reply.data.found;
}

/** A content script may only correct marks on its own site (or a domain above it). */
function assertOwnSite(site: string, context: HandlerContext): void {
  if (context.privileged) return;
  let pageHost = '';
  try {
    pageHost = new URL(context.url ?? '').hostname;
  } catch {
    // No URL: refused below.
  }
  if (!hostAndParents(pageHost).includes(normaliseHost(site))) throw new Error('a content script may only add corrections for its own site');
}

/** The matcher's dictionary depends on the enabled packs' ids and hashes, not on whether a pack has finished writing. */
function matcherKeyOf(packs: ReadonlyArray<Pick<PackMeta, 'id' | 'hash' | 'enabled'>>): string {
  return StoreService.packsKey(packs, { withState: false });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function createBackgroundHandlers(deps: BackgroundDeps): BackgroundHandlers {
  const { store, tabs, settings } = deps;
  const db = () => store.ready();
  // Made on first use: most service worker lives only answer content scripts.
  let searchService = deps.search;
  const searching = () => (searchService ??= new SearchService(store));
  // The pack list, read once until the packs change: every page's matchBlocks checks the
  // matcher's key against it. Dropped by packsChanged (this background's own changes and
  // the options page's) and whenever the store finishes a load of its own (ensure, recover).
  let packsRead: { version: number; packs: Promise<PackMeta[]>; matcherKey: Promise<string> } | undefined;
  const sharedRead = async () => {
    const ready = await db();
    if (packsRead?.version !== store.version) {
      const packs = packList(ready);
      const read = { version: store.version, packs, matcherKey: packs.then(matcherKeyOf) };
      packsRead = read;
      read.packs.catch(() => {
        if (packsRead === read) packsRead = undefined;
      });
      read.matcherKey.catch(() => undefined);
    }
    return packsRead;
  };
  const currentPacks = async (): Promise<PackMeta[]> => (await sharedRead()).packs;
  /** The matcher's key for the shared read: worked out once per read, not per page's request. */
  const currentKey = async (): Promise<string> => (await sharedRead()).matcherKey;
  // The dictionary is read once per set of packs and shared by getDictionary and the
  // matcher's builds (a 100k-entity dictionary is a large read); the entries are let go a
  // while after, not to be held for nothing.
  let dictionary: { key: string; value: Promise<Dictionary> } | undefined;
  const readDictionary = async (fresh = false): Promise<Dictionary> => {
    const ready = await db();
    // getDictionary (extension pages, rare) reads the pack list itself; matcher builds use the shared read.
    const key = StoreService.packsKey(fresh ? await packList(ready) : await currentPacks());
    if (dictionary?.key === key) return dictionary.value;
    const value = matcherDictionary(ready).then((entries) => ({ entries, key }));
    const current = { key, value };
    dictionary = current;
    const forget = () => {
      if (dictionary === current) dictionary = undefined;
    };
    value.then(() => setTimeout(forget, KEEP_DICTIONARY_MS), forget);
    return value;
  };
  // The matcher is rebuilt when what its dictionary depends on changes (matcherKeyOf): a
  // pack that only finished writing (its dictionary row was there from the start) keeps it.
  let matcherService: MatcherService | undefined;
  let matcherKey: string | undefined;
  const prepared = new PreparedMatcher();
  const matching = async (): Promise<MatcherService> => {
    const key = await currentKey();
    const service = (matcherService ??= new MatcherService(() => readDictionary()));
    if (key !== matcherKey) {
      service.invalidate();
      // An import the options page told us of (prepareMatcher) is in: its matcher is built already.
      const ready = prepared.take(key);
      if (ready) service.adopt(ready.types, ready.finder);
    }
    matcherKey = key;
    return service;
  };
  // Every page is matched here: start building the matcher for the reader's mark types
  // now, while the tabs load, rather than on the first page's request.
  const prewarm = async () => {
    const service = await matching();
    await service.match([], (await loadSettings(settings)).markTypes);
  };
  let toldTabs: string | undefined;
  const packsChanged = () => {
    searchService?.invalidate();
    packsRead = undefined;
    void (async () => {
      const readable = await currentPacks().then(StoreService.packsKey, () => undefined);
      // Prefixed: no pack at all is a key too, not the same as nothing published yet.
      if (readable !== undefined) await storage.setItem(PACKS_KEY_ITEM, `packs:${readable}`).catch(() => undefined);
      const key = await currentKey().catch(() => undefined);
      if (key !== undefined && key === toldTabs) return;
      toldTabs = key;
      void prewarm().catch(() => undefined);
      await tellTabs();
    })();
  };
  return {
    // An import whose page closed mid-write is found here, when the options page next asks.
    getStatus: async () => {
      await store.recover();
      return { packs: await packList(await db()), store: store.status };
    },
    getDictionary: () => readDictionary(true),
    matchBlocks: async ({ blocks, types }) => (await matching()).match(blocks, types),
    getEntityCard: async ({ id }) => (await entityCardWhenWritten(await db(), id)) ?? null,
    getDeals: async ({ entityIds }) => dealsByParty(await db(), entityIds),
    getAllDeals: async () => allDeals(await db()),
    getDealBundle: async ({ entityIds }) => dealBundle(await db(), entityIds),
    getSource: async ({ id, packId }) => (await sourceById(await db(), id, packId)) ?? null,
    getSettings: () => loadSettings(settings),
    updateSettings: ({ patch }) => {
      const parsed = parseSettingsPatch(patch);
      if (!parsed.ok) throw new Error(parsed.error);
      return updateSettings((current) => applySettingsPatch(current, parsed.patch), settings);
    },
    muteEntity: ({ id, muted }) => updateSettings((current) => withMuted(current, id, muted ?? true), settings),
    addCorrection: ({ entityId, site }, context) => {
      assertOwnSite(site, context);
      return updateSettings((current) => withCorrection(current, { entityId, site }), settings);
    },
    reportPageState: async ({ entityIds, count, active }, context): Promise<TabState> => {
      await deps.tabsRestored;
      // BACKGROUND_ACCESS makes this content-script only, so the sender has a tab.
      const tabId = context.tabId ?? -1;
      const state = tabs.report(tabId, context.frameId ?? 0, entityIds, count, active);
      await deps.setBadge(tabId, state.entityIds.length);
      return state;
    },
    getTabState: async ({ tabId }) => {
      await deps.tabsRestored;
      return tabs.get(tabId);
    },
    // No await before openSidePanel: the user gesture must still be live.
    openSidePanel: ({ tabId }, context) => deps.openSidePanel(withoutUndefined({ tabId: tabId ?? context.tabId, windowId: context.sender.tab?.windowId })).then((opened) => ({ opened })),
    openSource: async ({ sourceId, packId, quote }, context) => ({
      tabId: await deps.openSource(withoutUndefined({ sourceId, packId, quote }), context.tabId),
    }),
    focusMarkInTab: async ({ tabId, entityId }) => ({ found: await (deps.focusMark ?? focusMarkInTopFrame)(tabId, entityId) }),
    setPackEnabled: async ({ packId, enabled }) => {
      const ready = await db();
      if (!(await setPackEnabled(ready, packId, enabled))) throw new Error(`no pack "${packId}"`);
      packsChanged();
      return packList(ready);
    },
    removePack: async ({ packId }) => {
      const ready = await db();
      const meta = await ready.packs.get(packId);
      if (meta?.kind === 'bundled') throw new Error('the bundled pack cannot be removed; turn it off instead');
      const removed = await removePack(ready, packId);
      packsChanged();
      return { removed };
    },
    prepareMatcher: async ({ packId, hash, entriesJson }) => {
      const packs = await currentPacks();
      // A replacement is written in one transaction and matched once complete: nothing to win.
      if (packs.some((p) => p.id === packId)) return { prepared: false };
      const incoming = packEntriesFromJson(packId, entriesJson);
      if (!incoming) throw new Error('entriesJson is not a list of dictionary entries');
      // The import as it will be listed: enabled (and the newest imported pack, so first in priority: mergeEntries).
      const key = matcherKeyOf([...packs, { id: packId, hash, enabled: true }]);
      const types = (await loadSettings(settings)).markTypes;
      const below = (await readDictionary()).entries;
      prepared.prepare(key, types, () => buildFinder(mergeEntries(incoming, below), types));
      return { prepared: true };
    },
    packsChanged: async () => {
      deps.packsChanged?.();
      packsChanged();
      const ready = await db();
      return { packs: await packList(ready), store: store.status };
    },
    runOnTab: async ({ tabId }) => {
      if (deps.runOnTab) return deps.runOnTab(tabId);
      const tab = await browser.tabs.get(tabId);
      return runOnTab({ id: tabId, ...(tab.url === undefined ? {} : { url: tab.url }) }, defaultRunOnTabDeps(() => loadSettings(settings)));
    },
    search: ({ query, limit }) => searching().search(query, limit === undefined ? {} : { limit }),
    getEntitySummaries: async ({ ids }) => {
      const ready = await db();
      const known = await entitySummaries(ready, ids, await enabledPackIds(ready));
      return ids.flatMap((id) => known.get(id) ?? []);
    },
  };
}
