import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '../../lib/background/handlers';
import { StoreService } from '../../lib/background/store-service';
import { TabStates } from '../../lib/background/tab-state';
import { createHandler, type Handler } from '../../lib/messaging';
import { memoryCache } from '../../lib/search/index-cache';
import { SearchService } from '../../lib/search/search-service';
import { defineSettingsItem } from '../../lib/settings';
import { makeSmallPack } from '../fixtures/small-pack';
import { senders } from '../messaging/senders';
import { freshStore } from '../store/helpers';

let handler: Handler;
let search: SearchService;

beforeEach(async () => {
  const store = new StoreService(freshStore(), makeSmallPack(), { log: { info: vi.fn(), warn: vi.fn() }, requestPersistence: async () => undefined });
  await store.ensure();
  search = new SearchService(store, { cache: memoryCache() });
  const deps = { store, tabs: new TabStates(), tabsRestored: Promise.resolve(), settings: defineSettingsItem(), setBadge: vi.fn(async () => undefined), openSidePanel: vi.fn(async () => true), openSource: vi.fn(async () => 1), search };
  handler = createHandler(createBackgroundHandlers(deps), { log: { warn: vi.fn() } });
});

describe('the search message', () => {
  it('answers the popup and content scripts alike', async () => {
    for (const sender of [senders.popup(), senders.contentScript()]) {
      const reply = await handler.handle({ type: 'search', query: 'anl', limit: 3 }, sender);
      expect(reply.ok && (reply.data as { groups: Array<{ hits: Array<{ refId: string }> }> }).groups[0]?.hits[0]?.refId).toBe('anlong-gene');
    }
  });

  it.each([
    [{ type: 'search' }, 'invalid or missing field "query"'],
    [{ type: 'search', query: 7 }, 'invalid or missing field "query"'],
    [{ type: 'search', query: 'x'.repeat(201) }, 'invalid or missing field "query"'],
    [{ type: 'search', query: 'a', limit: 0 }, 'invalid or missing field "limit"'],
    [{ type: 'search', query: 'a', limit: 51 }, 'invalid or missing field "limit"'],
    [{ type: 'search', query: 'a', limit: 2.5 }, 'invalid or missing field "limit"'],
    [{ type: 'search', query: 'a', html: '<b>' }, 'unexpected field "html"'],
    [{ type: 'getEntitySummaries', ids: 'khalil-hashmi' }, 'invalid or missing field "ids"'],
  ])('refuses %j', async (message, error) => {
    expect(await handler.handle(message, senders.popup())).toEqual({ ok: false, error, code: 'rejected' });
  });

  it('accepts an empty query (it warms the index)', async () => {
    expect(await handler.handle({ type: 'search', query: '' }, senders.popup())).toMatchObject({ ok: true, data: { total: 0, groups: [] } });
  });

  it('turning a pack off empties the results at once', async () => {
    await handler.handle({ type: 'search', query: 'hashmi' }, senders.popup());
    const invalidate = vi.spyOn(search, 'invalidate');
    await handler.handle({ type: 'setPackEnabled', packId: 'test-pack', enabled: false }, senders.popup());
    expect(invalidate).toHaveBeenCalled();
    expect(await handler.handle({ type: 'search', query: 'hashmi' }, senders.popup())).toMatchObject({ ok: true, data: { total: 0 } });
  });
});

describe('getEntitySummaries', () => {
  it('names the ids asked, in order, leaving out unknown ones', async () => {
    const reply = await handler.handle({ type: 'getEntitySummaries', ids: ['wei-yujun', 'nobody', 'khalil-hashmi'] }, senders.popup());
    expect(reply).toEqual({
      ok: true,
      data: [
        { id: 'wei-yujun', packId: 'test-pack', name: 'Wei Yujun', type: 'person' },
        { id: 'khalil-hashmi', packId: 'test-pack', name: 'Khalil Hashmi', type: 'person' },
      ],
    });
  });
});
