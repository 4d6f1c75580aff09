import { describe, expect, it, vi } from 'vitest';
import { bundledMarkerItem, createStore, ensureBundledPack, loadPack, packList, type EnsureOptions, type FactmarkDB } from '../../lib/store';
import { makeOtherPack, makeSmallPack, makeSmallPackV2 } from '../fixtures/small-pack';
import { freshStore } from './helpers';

function options(overrides: EnsureOptions = {}) {
  const log = { info: vi.fn(), warn: vi.fn() };
  return { log, opts: { log, now: () => 5000, requestPersistence: async () => true, ...overrides } satisfies EnsureOptions };
}

async function evict(db: FactmarkDB): Promise<FactmarkDB> {
  const name = db.name;
  await db.delete();
  return createStore(name);
}

describe('ensureBundledPack', () => {
  it('loads an empty store and records the marker', async () => {
    const db = freshStore();
    const { opts } = options();
    const result = await ensureBundledPack(db, makeSmallPack(), opts);
    expect(result).toMatchObject({ action: 'installed', evicted: false, persisted: true, pack: { id: 'test-pack', kind: 'bundled', hash: 'hash-v1' } });
    expect(await bundledMarkerItem().getValue()).toEqual({ packId: 'test-pack', version: '1.0.0', hash: 'hash-v1', loadedAt: 5000, evictions: 0 });
    expect(await db.entities.count()).toBe(7);
  });

  it('does nothing when the same pack is already loaded', async () => {
    const db = freshStore();
    await ensureBundledPack(db, makeSmallPack(), options().opts);
    const put = vi.spyOn(db.entities, 'bulkPut');
    const result = await ensureBundledPack(db, makeSmallPack(), options({ now: () => 9999 }).opts);
    expect(result.action).toBe('unchanged');
    expect(result.pack.installedAt).toBe(5000);
    expect(put).not.toHaveBeenCalled();
  });

  it('reloads when the bundled hash differs, keeping imported packs', async () => {
    const db = freshStore();
    await ensureBundledPack(db, makeSmallPack(), options().opts);
    await loadPack(db, makeOtherPack(), 'imported');
    const result = await ensureBundledPack(db, makeSmallPackV2(), options().opts);
    expect(result).toMatchObject({ action: 'updated', evicted: false, pack: { version: '1.1.0' } });
    expect((await packList(db)).map((p) => p.id)).toEqual(['other-pack', 'test-pack']);
    expect((await bundledMarkerItem().getValue())?.hash).toBe('hash-v2');
  });

  it('detects eviction (marker present, store empty), logs it, counts it and refills', async () => {
    let db = freshStore();
    await ensureBundledPack(db, makeSmallPack(), options().opts);
    db = await evict(db);
    const { opts, log } = options({ now: () => 7000 });

    const result = await ensureBundledPack(db, makeSmallPack(), opts);

    expect(result).toMatchObject({ action: 'refilled', evicted: true });
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/evicted/));
    expect(await db.entities.count()).toBe(7);
    expect(await bundledMarkerItem().getValue()).toMatchObject({ evictions: 1, lastEvictedAt: 7000, loadedAt: 7000 });
    await db.delete();
  });

  it('treats a pack whose rows went missing as damaged and reloads it', async () => {
    const db = freshStore();
    await ensureBundledPack(db, makeSmallPack(), options().opts);
    await db.entities.clear();
    const result = await ensureBundledPack(db, makeSmallPack(), options().opts);
    expect(result).toMatchObject({ action: 'refilled', evicted: true });
    expect(await db.entities.count()).toBe(7);
  });

  it('an empty store without a marker is a first install, not an eviction', async () => {
    const db = freshStore();
    const { opts, log } = options();
    expect((await ensureBundledPack(db, makeSmallPack(), opts)).evicted).toBe(false);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('drops a bundled pack shipped under an older id', async () => {
    const db = freshStore();
    await ensureBundledPack(db, makeSmallPack({ id: 'old-bundled' }), options().opts);
    await ensureBundledPack(db, makeSmallPack(), options().opts);
    expect((await packList(db)).map((p) => p.id)).toEqual(['test-pack']);
    expect(await db.entities.where('packId').equals('old-bundled').count()).toBe(0);
  });

  it('still loads where persistence cannot be asked for', async () => {
    const db = freshStore();
    const result = await ensureBundledPack(db, makeSmallPack(), options({ requestPersistence: async () => undefined }).opts);
    expect(result).toMatchObject({ action: 'installed', persisted: undefined });
  });
});
