import { describe, expect, it } from 'vitest';
import { LOAD_CHUNK_SIZE, StoreError, loadPack, packList, removePack, setPackEnabled } from '../../lib/store';
import type { FactmarkDB } from '../../lib/store';
import { makeOtherPack, makeSmallPack, makeSmallPackV2 } from '../fixtures/small-pack';
import { failWritesWithQuota, freshStore } from './helpers';

async function snapshot(db: FactmarkDB) {
  const [packs, entities, aliases, roles, facts, deals, sources] = await Promise.all([
    db.packs.toArray(),
    db.entities.toArray(),
    db.aliases.toArray(),
    db.roles.toArray(),
    db.facts.toArray(),
    db.deals.toArray(),
    db.sources.toArray(),
  ]);
  return { packs, entities, aliases, roles, facts, deals, sources };
}

describe('loadPack', () => {
  it('writes every record of the pack under its pack id, and the pack meta', async () => {
    const db = freshStore();
    const pack = makeSmallPack();
    const meta = await loadPack(db, pack, 'bundled', 1000);

    expect(meta).toEqual({
      id: 'test-pack',
      name: 'Test pack',
      version: '1.0.0',
      hash: 'hash-v1',
      kind: 'bundled',
      enabled: true,
      installedAt: 1000,
      counts: { sources: 2, entities: 7, roles: 3, facts: 3, deals: 2 },
    });
    const rows = await snapshot(db);
    expect(rows.entities).toHaveLength(7);
    expect(rows.aliases).toHaveLength(7);
    expect(rows.roles).toHaveLength(3);
    expect(rows.facts).toHaveLength(3);
    expect(rows.deals).toHaveLength(2);
    expect(rows.sources).toHaveLength(2);
    expect(rows.entities.every((e) => e.packId === 'test-pack')).toBe(true);
    expect(await db.entities.get(['test-pack', 'khalil-hashmi'])).toMatchObject({ name: 'Khalil Hashmi' });
    const lab = await db.deals.get(['test-pack', 'deal-cancer-lab']);
    expect(lab?.sourceIds).toEqual(['src-lab', 'src-envoy']);
    const hashmi = await db.aliases.get(['test-pack', 'khalil-hashmi']);
    expect(hashmi?.keys).toEqual(['khalil hashmi', 'hashmi']);
  });

  it('reloading a newer version replaces that pack only, keeping its enabled choice and other packs', async () => {
    const db = freshStore();
    await loadPack(db, makeSmallPack(), 'bundled', 1000);
    await loadPack(db, makeOtherPack(), 'imported', 2000);
    await setPackEnabled(db, 'test-pack', false);
    const otherBefore = (await snapshot(db)).entities.filter((e) => e.packId === 'other-pack');

    const meta = await loadPack(db, makeSmallPackV2(), 'bundled', 3000);

    expect(meta).toMatchObject({ version: '1.1.0', hash: 'hash-v2', enabled: false, installedAt: 3000 });
    const after = await snapshot(db);
    expect(after.roles.map((r) => r.id).sort()).toEqual(['role-hashmi-ambassador', 'role-waqas-ceo']);
    expect(after.deals.filter((d) => d.packId === 'test-pack').map((d) => d.id)).toEqual(['deal-cancer-lab']);
    expect((await db.entities.get(['test-pack', 'khalil-hashmi']))?.description).toContain('People’s Republic');
    expect(after.entities.filter((e) => e.packId === 'other-pack')).toEqual(otherBefore);
    expect(after.deals.filter((d) => d.packId === 'other-pack').map((d) => d.id)).toEqual(['deal-meeting']);
    expect(after.packs.map((p) => p.id).sort()).toEqual(['other-pack', 'test-pack']);
  });

  it('writes a pack larger than one chunk', async () => {
    const db = freshStore();
    const pack = makeSmallPack();
    const count = LOAD_CHUNK_SIZE * 2 + 7;
    pack.entities = Array.from({ length: count }, (_, i) => ({
      id: `e${i}`,
      type: 'organisation' as const,
      name: `Company ${i}`,
      description: '',
      aliases: [],
      sources: [],
    }));
    const meta = await loadPack(db, pack, 'imported');
    expect(meta.counts.entities).toBe(count);
    expect(await db.entities.count()).toBe(count);
    expect(await db.aliases.count()).toBe(count);
  });

  it('rejects something that is not a pack, writing nothing', async () => {
    const db = freshStore();
    const notAPack = { ...makeSmallPack(), format: 'something-else' } as unknown as ReturnType<typeof makeSmallPack>;
    await expect(loadPack(db, notAPack, 'imported')).rejects.toMatchObject({ name: 'StoreError', code: 'invalid-pack' });
    expect(await db.packs.count()).toBe(0);
  });

  it.each([
    ['the first write', 'sources', 0],
    ['a later chunk', 'entities', 1],
    ['the last table', 'deals', 0],
  ])('a quota error at %s surfaces as StoreError "quota" and leaves the store as it was', async (_, table, allowed) => {
    const db = freshStore();
    const pack = makeSmallPack();
    const next = makeSmallPackV2();
    // Big enough that entities take several chunks.
    const places = Array.from({ length: LOAD_CHUNK_SIZE + 1 }, (_, i) => ({ id: `x${i}`, type: 'place' as const, name: `Place ${i}`, description: '', aliases: [], sources: [] }));
    pack.entities.push(...places);
    next.entities.push(...places);
    const quota = failWritesWithQuota(db, table, allowed);
    quota.armed = false;
    await loadPack(db, pack, 'bundled', 1000);
    await loadPack(db, makeOtherPack(), 'imported', 2000);
    const before = await snapshot(db);

    quota.armed = true;
    const error = await loadPack(db, next, 'bundled', 3000).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'quota' });
    expect((error as Error).message).toMatch(/storage space/);
    quota.armed = false;
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('removePack and setPackEnabled', () => {
  it('removes one pack with all its rows and nothing else', async () => {
    const db = freshStore();
    await loadPack(db, makeSmallPack(), 'bundled');
    await loadPack(db, makeOtherPack(), 'imported');
    expect(await removePack(db, 'other-pack')).toBe(true);
    expect(await removePack(db, 'other-pack')).toBe(false);
    const rows = await snapshot(db);
    expect(rows.packs.map((p) => p.id)).toEqual(['test-pack']);
    expect(Object.values(rows).flat().some((r) => 'packId' in r && r.packId === 'other-pack')).toBe(false);
    expect(rows.entities).toHaveLength(7);
  });

  it('switches a pack off and on, and reports unknown packs', async () => {
    const db = freshStore();
    await loadPack(db, makeSmallPack(), 'bundled');
    expect(await setPackEnabled(db, 'test-pack', false)).toBe(true);
    expect((await packList(db))[0]?.enabled).toBe(false);
    expect(await setPackEnabled(db, 'test-pack', true)).toBe(true);
    expect((await packList(db))[0]?.enabled).toBe(true);
    expect(await setPackEnabled(db, 'nope', true)).toBe(false);
  });
});
