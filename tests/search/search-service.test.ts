import { describe, expect, it } from 'vitest';
import bundled from '../../lib/pack/generated/pack.json';
import type { FactPack } from '../../lib/pack/types';
import { memoryCache } from '../../lib/search/index-cache';
import { SearchService } from '../../lib/search/search-service';
import { loadPack, removePack, setPackEnabled, type FactmarkDB } from '../../lib/store';
import { makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from '../store/helpers';

const pack = bundled as unknown as FactPack;

async function setUp(cache = memoryCache()) {
  const db = freshStore();
  await loadPack(db, pack, 'bundled', 1);
  const store = { db, ready: async (): Promise<FactmarkDB> => db };
  return { db, cache, store, service: new SearchService(store, { cache }) };
}

const ids = (results: { groups: Array<{ hits: Array<{ refId: string }> }> }) => results.groups.flatMap((g) => g.hits.map((h) => h.refId));

describe('SearchService', () => {
  it('builds the index on the first query, then answers from memory', async () => {
    const { service, cache } = await setUp();
    expect(ids(await service.search('anl'))).toContain('org-anlong-gene');
    expect(service.lastSource).toBe('built');
    await service.search('hashmy');
    expect(service.lastSource).toBe('memory');
    expect(cache.saves).toBe(1);
  });

  it('an empty query only warms the index up', async () => {
    const { service, cache } = await setUp();
    expect(await service.search('')).toEqual({ query: '', terms: [], typoTerms: [], total: 0, groups: [] });
    await service.index();
    expect(cache.saves).toBe(1);
  });

  it('a new service worker loads the saved index instead of rebuilding', async () => {
    const { store, cache } = await setUp();
    await new SearchService(store, { cache }).search('anl');
    const restarted = new SearchService(store, { cache });
    expect(ids(await restarted.search('KP-BOIT'))[0]).toBe('org-kp-boit');
    expect(restarted.lastSource).toBe('cache');
    expect(cache.saves).toBe(1);
  });

  it('gives source results a passage of the document around the first match', async () => {
    const { service } = await setUp();
    const results = await service.search('optimism');
    const source = results.groups.find((g) => g.kind === 'source')?.hits[0];
    expect(source?.snippet?.text).toMatch(/optimism/i);
    const [start, end] = source!.snippet!.marks[0]!;
    expect(source!.snippet!.text.slice(start, end).toLowerCase()).toBe('optimism');
  });

  it('drops the index when a pack is turned off, removed or added, even by another context', async () => {
    const { db, service } = await setUp();
    expect(ids(await service.search('anlong'))).toContain('org-anlong-gene');

    // No invalidate() call: the store's own write is seen through Dexie's storagemutated.
    await setPackEnabled(db, pack.id, false);
    expect((await service.search('anlong')).total).toBe(0);
    expect(service.lastSource).toBe('built');

    await loadPack(db, makeSmallPack(), 'imported', 2);
    expect(ids(await service.search('anlong'))).toContain('anlong-gene');

    await setPackEnabled(db, pack.id, true);
    await removePack(db, makeSmallPack().id);
    const back = await service.search('anlong');
    expect(ids(back)).toContain('org-anlong-gene');
    expect(ids(back)).not.toContain('anlong-gene');
  });

  it('invalidate() alone does not rebuild when the packs are the same', async () => {
    const { service, cache } = await setUp();
    await service.search('anl');
    service.invalidate();
    await service.search('anl');
    expect(service.lastSource).toBe('memory');
    expect(cache.saves).toBe(1);
  });

  it('concurrent first queries share one build', async () => {
    const { service, cache } = await setUp();
    const all = await Promise.all(['anl', 'hashmy', 'kp boit', 'sialkot'].map((q) => service.search(q)));
    expect(all.every((r) => r.total > 0)).toBe(true);
    expect(cache.saves).toBe(1);
  });
});
