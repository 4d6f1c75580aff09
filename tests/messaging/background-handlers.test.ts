import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundHandlers } from '../../lib/background/handlers';
import { StoreService } from '../../lib/background/store-service';
import { setBadge } from '../../lib/background/badge';
import { sourcePageUrl } from '../../lib/background/open-source';
import { TabStates } from '../../lib/background/tab-state';
import { createHandler, type Handler } from '../../lib/messaging';
import { defaultSettings, defineSettingsItem, loadSettings, type SettingsItem } from '../../lib/settings';
import { loadPack } from '../../lib/store';
import { packDictionary } from '../../lib/store/pack-rows';
import { makeOtherPack, makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from '../store/helpers';
import { senders } from './senders';

let handler: Handler;
let settings: SettingsItem;
let tabs: TabStates;
let store: StoreService;
const openSidePanel = vi.fn(async () => true);
const openSource = vi.fn(async () => 42);

beforeEach(async () => {
  const db = freshStore();
  const quiet = { info: vi.fn(), warn: vi.fn() };
  store = new StoreService(db, makeSmallPack(), { log: quiet, requestPersistence: async () => undefined });
  await store.ensure();
  settings = defineSettingsItem();
  tabs = new TabStates();
  openSidePanel.mockClear();
  openSource.mockClear();
  handler = createHandler(
    createBackgroundHandlers({ store, tabs, tabsRestored: Promise.resolve(), settings, setBadge, openSidePanel, openSource }),
    { log: { warn: vi.fn() } },
  );
});

const ask = async (message: unknown, sender = senders.popup()) => handler.handle(message, sender);
const data = async (message: unknown, sender = senders.popup()) => {
  const reply = await ask(message, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as never;
};

describe('reads', () => {
  it('getStatus gives the packs and the store state', async () => {
    expect(await data({ type: 'getStatus' })).toMatchObject({
      packs: [{ id: 'test-pack', version: '1.0.0', counts: { entities: 7 } }],
      store: { state: 'ready', lastAction: 'installed', evictions: 0 },
    });
  });

  it('getDictionary gives the entries and a key that changes with the packs', async () => {
    const first = (await data({ type: 'getDictionary' }, senders.contentScript())) as { entries: unknown[]; key: string };
    expect(first.entries).toHaveLength(7);
    expect(first.key).toBe('test-pack@hash-v1');
    await loadPack(store.db, makeOtherPack(), 'imported');
    expect(((await data({ type: 'getDictionary' })) as { key: string }).key).toBe('other-pack@other-hash|test-pack@hash-v1');
  });

  it('getEntityCard, getDeals, getAllDeals, getSource', async () => {
    expect(await data({ type: 'getEntityCard', id: 'khalil-hashmi' }, senders.contentScript())).toMatchObject({ entity: { name: 'Khalil Hashmi' } });
    expect(await data({ type: 'getEntityCard', id: 'nobody' })).toBeNull();
    expect(((await data({ type: 'getDeals', entityIds: ['life-rehealth'] })) as Array<{ id: string }>).map((d) => d.id)).toEqual(['deal-cancer-lab']);
    expect(await data({ type: 'getAllDeals' })).toHaveLength(2);
    expect(await data({ type: 'getSource', id: 'src-lab' })).toMatchObject({ source: { outlet: 'APP' } });
    expect(await data({ type: 'getSource', id: 'src-lab', packId: 'other' })).toBeNull();
  });
});

describe('settings and user actions', () => {
  it('updateSettings applies a valid patch from an extension page', async () => {
    expect(await data({ type: 'updateSettings', patch: { theme: 'dark', sites: { 'Dawn.com': 'off' } } })).toMatchObject({ theme: 'dark', sites: { 'dawn.com': 'off' } });
    expect((await loadSettings(settings)).theme).toBe('dark');
  });

  it('updateSettings from a content script changes nothing', async () => {
    expect((await ask({ type: 'updateSettings', patch: { enabled: false } }, senders.contentScript())).ok).toBe(false);
    expect((await loadSettings(settings)).enabled).toBe(true);
  });

  it('muteEntity from the page’s card mutes, and can be undone', async () => {
    expect(await data({ type: 'muteEntity', id: 'khalil-hashmi' }, senders.contentScript())).toMatchObject({ muted: ['khalil-hashmi'] });
    expect(await data({ type: 'muteEntity', id: 'khalil-hashmi', muted: false }, senders.contentScript())).toMatchObject({ muted: [] });
  });

  it('addCorrection from a content script is limited to its own site', async () => {
    const page = senders.contentScript(5, 0, 'https://www.dawn.com/news/1');
    expect(await data({ type: 'addCorrection', entityId: 'x', site: 'www.dawn.com' }, page)).toMatchObject({ corrections: [{ entityId: 'x', site: 'www.dawn.com' }] });
    expect((await data({ type: 'addCorrection', entityId: 'y', site: 'dawn.com' }, page)) as unknown).toMatchObject({ corrections: [{}, { entityId: 'y', site: 'dawn.com' }] });
    expect(await ask({ type: 'addCorrection', entityId: 'z', site: 'tribune.com.pk' }, page)).toMatchObject({ ok: false, error: expect.stringMatching(/own site/) });
    expect(await data({ type: 'addCorrection', entityId: 'z', site: 'tribune.com.pk' })).toMatchObject({ corrections: [{}, {}, { site: 'tribune.com.pk' }] });
  });
});

describe('tab state and badge', () => {
  it('reportPageState keeps each frame’s entities, badges the distinct count', async () => {
    expect(await data({ type: 'reportPageState', entityIds: ['a', 'b', 'a'], count: 5 }, senders.contentScript(5, 0))).toEqual({ tabId: 5, entityIds: ['a', 'b'], count: 5 });
    expect(await data({ type: 'reportPageState', entityIds: ['b', 'c'], count: 2 }, senders.contentScript(5, 3, 'https://ads.test/frame'))).toEqual({ tabId: 5, entityIds: ['a', 'b', 'c'], count: 7 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('3');
    // A frame's new report replaces its old one.
    await data({ type: 'reportPageState', entityIds: [], count: 0 }, senders.contentScript(5, 0));
    expect(await data({ type: 'getTabState', tabId: 5 })).toEqual({ tabId: 5, entityIds: ['b', 'c'], count: 2 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('2');
    expect(await data({ type: 'getTabState', tabId: 6 })).toBeNull();
  });

  it('takes the tab from the sender, never from the message', async () => {
    expect(await ask({ type: 'reportPageState', entityIds: [], count: 0, tabId: 1 }, senders.contentScript(5))).toMatchObject({ ok: false, error: 'unexpected field "tabId"' });
  });
});

describe('opening things', () => {
  it('openSidePanel uses the sender’s tab when none is given', async () => {
    expect(await data({ type: 'openSidePanel' }, senders.contentScript(5))).toEqual({ opened: true });
    expect(openSidePanel).toHaveBeenLastCalledWith({ tabId: 5, windowId: 1 });
    await data({ type: 'openSidePanel', tabId: 8 });
    expect(openSidePanel).toHaveBeenLastCalledWith({ tabId: 8 });
  });

  it('openSource opens the source page next to the sender’s tab', async () => {
    expect(await data({ type: 'openSource', sourceId: 'src-lab', quote: 'Health knows no borders.' }, senders.contentScript(5))).toEqual({ tabId: 42 });
    expect(openSource).toHaveBeenCalledWith({ sourceId: 'src-lab', quote: 'Health knows no borders.' }, 5);
  });

  it('sourcePageUrl encodes the source, pack and quote', () => {
    const url = new URL(sourcePageUrl({ sourceId: 'src-lab', packId: 'test-pack', quote: 'a & b?' }));
    expect(url.pathname).toBe('/source.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ src: 'src-lab', pack: 'test-pack', q: 'a & b?' });
  });
});

describe('packs', () => {
  it('setPackEnabled switches a pack and lists the packs; unknown packs fail', async () => {
    expect(await data({ type: 'setPackEnabled', packId: 'test-pack', enabled: false })).toMatchObject([{ id: 'test-pack', enabled: false }]);
    expect(await data({ type: 'getAllDeals' })).toEqual([]);
    expect(await ask({ type: 'setPackEnabled', packId: 'nope', enabled: true })).toMatchObject({ ok: false, error: 'no pack "nope"' });
  });

  it('publishes the readable packs\' key for extension pages each time the packs change (side panel refetch)', async () => {
    const published = () => fakeBrowser.storage.session.get('packsKey').then((r) => (r as { packsKey?: string }).packsKey);
    await data({ type: 'setPackEnabled', packId: 'test-pack', enabled: false });
    await vi.waitFor(async () => expect(await published()).toBe('packs:'));
    await data({ type: 'setPackEnabled', packId: 'test-pack', enabled: true });
    await vi.waitFor(async () => expect(await published()).toMatch(/^packs:test-pack@/));
  });

  describe('prepareMatcher', () => {
    const other = makeOtherPack();
    const page = [{ text: 'The Sialkot Chamber met Khalil Hashmi.', heading: false }];
    // The reader's mark types, as a content script sends them (the prepared build is for those).
    const marked = async () => ((await data({ type: 'matchBlocks', blocks: page, types: defaultSettings().markTypes }, senders.contentScript())) as Array<{ surface: string }>).map((m) => m.surface);
    // The import written, then its stored dictionary made unreadable: only a matcher built
    // from what prepareMatcher was given can still find its names.
    const installWithoutRows = async () => {
      await loadPack(store.db, other, 'imported');
      await store.db.dictionaries.delete(other.id);
      await store.db.aliases.where('packId').equals(other.id).delete();
      await data({ type: 'packsChanged' });
    };
    const prepare = (hash: string) => data({ type: 'prepareMatcher', packId: other.id, hash, entriesJson: packDictionary(other).json });

    it('builds the matcher for an import before it is written, and uses it once the pack is in', async () => {
      expect(await marked()).toEqual(['Khalil Hashmi']);
      expect(await prepare(other.hash)).toEqual({ prepared: true });
      await installWithoutRows();
      expect(await marked()).toEqual(['Sialkot Chamber', 'Khalil Hashmi']);
    });

    it('is not used when the pack installed is not the one it was built for (another hash)', async () => {
      expect(await prepare('other-hash-edited')).toEqual({ prepared: true });
      await installWithoutRows();
      expect(await marked()).toEqual(['Khalil Hashmi']);
    });

    it('without it the same install is read from the store (the control for the two above)', async () => {
      await installWithoutRows();
      expect(await marked()).toEqual(['Khalil Hashmi']);
    });

    it('prepares nothing for a pack already installed, refuses bad input and content scripts', async () => {
      await loadPack(store.db, other, 'imported');
      expect(await prepare(other.hash)).toEqual({ prepared: false });
      expect(await ask({ type: 'prepareMatcher', packId: 'new-pack', hash: 'h', entriesJson: '{"entries": 1}' })).toMatchObject({ ok: false, error: expect.stringMatching(/not a list of dictionary entries/) });
      expect((await ask({ type: 'prepareMatcher', packId: 'new-pack', hash: 'h', entriesJson: '[]' }, senders.contentScript())).ok).toBe(false);
    });
  });

  it('removePack removes an imported pack but not the bundled one', async () => {
    await loadPack(store.db, makeOtherPack(), 'imported');
    expect(await data({ type: 'removePack', packId: 'other-pack' })).toEqual({ removed: true });
    expect(await ask({ type: 'removePack', packId: 'test-pack' })).toMatchObject({ ok: false, error: expect.stringMatching(/bundled/) });
  });
});
