/**
 * A first install is staged: meta ('writing') and dictionary row first, the rest after
 * (lib/store/load-pack.ts). These tests look at the store in the middle of such a load,
 * after one that failed, and after one whose writer died.
 */
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { StoreService } from '../../lib/background/store-service';
import {
  createStore,
  entitiesByAlias,
  entityCard,
  loadPack,
  matcherDictionary,
  memoryLocks,
  packList,
  packWriteLock,
  recoverPartialPacks,
  removePack,
  StoreError,
  STAGED_TRANSACTION_ROWS,
  type FactmarkDB,
} from '../../lib/store';
import { entityCardWhenWritten } from '../../lib/store/entity-card-when-written';
import { enabledPackIds } from '../../lib/store/pack-order';
import { aliasRows, dealRows, dictionaryEntries, dictionaryRow, withPack } from '../../lib/store/pack-rows';
import type { FactPack } from '../../lib/pack/types';
import { makeOtherPack, makeSmallPack } from '../fixtures/small-pack';
import { failWritesWithQuota, freshStore } from './helpers';

/** An onMatchable that holds the load after its dictionary row until `release()`. */
function holdAfterDictionary() {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const atGate = new Promise<void>((resolve) => (reached = resolve));
  const onMatchable = vi.fn(() => {
    reached();
    return gate;
  });
  return { reached: atGate, release, onMatchable };
}

const quiet = () => ({ log: { info: vi.fn(), warn: vi.fn() }, requestPersistence: async () => undefined });

async function snapshot(db: FactmarkDB) {
  const tables = [db.packs, db.dictionaries, ...db.contentTables];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

/** A pack big enough that the staged load takes several transactions. */
function bigPack(): FactPack {
  const pack = makeOtherPack();
  pack.id = 'big-pack';
  pack.entities.push(
    ...Array.from({ length: STAGED_TRANSACTION_ROWS + 10 }, (_, i) => ({ id: `company-${i}`, type: 'organisation' as const, name: `Company Number ${i}`, description: '', aliases: [], sources: [pack.sources[0]!.id] })),
  );
  return pack;
}

describe('a first install, staged', () => {
  it('writes the dictionary row first: pages match the pack while cards, search look-ups and deals wait for the rest', async () => {
    const db = freshStore();
    await loadPack(db, makeSmallPack(), 'bundled', 1000);
    const pause = holdAfterDictionary();
    const matchable = pause.onMatchable;
    const loading = loadPack(db, makeOtherPack(), 'imported', 2000, { onMatchable: matchable });
    await pause.reached;

    // Half-way: the meta says so, the matcher has the new names, nothing else shows them.
    expect(matchable).toHaveBeenCalledWith(expect.objectContaining({ id: 'other-pack', state: 'writing' }));
    expect((await packList(db)).find((p) => p.id === 'other-pack')).toMatchObject({ state: 'writing', enabled: true });
    const names = (await matcherDictionary(db)).filter((e) => e.packId === 'other-pack').map((e) => e.entityId);
    expect(names.length).toBe(makeOtherPack().entities.length);
    expect(await db.entities.where('packId').equals('other-pack').count()).toBe(0);
    expect(await enabledPackIds(db)).toEqual(['test-pack']);
    const otherOnly = makeOtherPack().entities.find((e) => !makeSmallPack().entities.some((s) => s.id === e.id))!;
    expect(await entityCard(db, otherOnly.id)).toBeUndefined();

    // The card waits for the pack instead of saying "unknown".
    const card = entityCardWhenWritten(db, otherOnly.id, { pollMs: 5 });
    pause.release();
    const meta = await loading;
    expect(meta.state).toBeUndefined();
    expect((await packList(db)).find((p) => p.id === 'other-pack')?.state).toBeUndefined();
    expect((await card)?.entity.id).toBe(otherOnly.id);
    expect(await enabledPackIds(db)).toEqual(['other-pack', 'test-pack']);
    expect((await entitiesByAlias(db, otherOnly.name)).map((e) => e.id)).toContain(otherOnly.id);
  });

  it('stores exactly the rows a replacement (one transaction) stores, and the same dictionary', async () => {
    const staged = freshStore();
    const atomic = freshStore();
    const pack = bigPack();
    await loadPack(staged, pack, 'imported', 5);
    // A replacement of an older copy goes through the single transaction.
    await loadPack(atomic, { ...bigPack(), hash: 'older', entities: [] }, 'imported', 1);
    await loadPack(atomic, pack, 'imported', 5);
    expect(await snapshot(staged)).toEqual(await snapshot(atomic));
    expect(await staged.aliases.count()).toBe(pack.entities.length);
    expect(await matcherDictionary(staged)).toEqual(await matcherDictionary(atomic));
  });

  it('matcherDictionary reads the dictionary row, not the alias rows', async () => {
    const db = freshStore();
    await loadPack(db, makeSmallPack(), 'bundled');
    const fromRow = await matcherDictionary(db);
    await db.aliases.clear();
    expect(await matcherDictionary(db)).toEqual(fromRow);
    expect(fromRow.find((e) => e.entityId === 'khalil-hashmi')).toMatchObject({ name: 'Khalil Hashmi', titles: ['Ambassador to China'] });
  });

  it.each([
    ['the first row after the dictionary', 'sources', 0],
    ['a later transaction', 'entities', 10],
    ['the last table', 'deals', 0],
  ])('a quota error at %s removes the new pack again: the store is as before', async (_, table, allowed) => {
    const db = freshStore();
    const quota = failWritesWithQuota(db, table, allowed);
    quota.armed = false;
    await loadPack(db, makeSmallPack(), 'bundled', 1000);
    const before = await snapshot(db);
    quota.armed = true;

    const error = await loadPack(db, bigPack(), 'imported', 2000).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'quota' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a replacement that fails leaves the previous version whole and usable', async () => {
    const db = freshStore();
    const quota = failWritesWithQuota(db, 'entities', 3);
    quota.armed = false;
    await loadPack(db, bigPack(), 'imported', 1000);
    const before = await snapshot(db);
    const beforeDictionary = await matcherDictionary(db);
    quota.armed = true;

    const error = await loadPack(db, { ...bigPack(), version: '2.0.0', hash: 'hash-2' }, 'imported', 2000).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'quota' });
    expect(await snapshot(db)).toEqual(before);
    expect(await matcherDictionary(db)).toEqual(beforeDictionary);
    expect(await entityCard(db, 'company-3')).toBeDefined();
  });

  it('refuses a second writer of the same pack while the first is writing', async () => {
    const db = freshStore();
    const pause = holdAfterDictionary();
    const first = loadPack(db, makeOtherPack(), 'imported', 1, { onMatchable: pause.onMatchable });
    await pause.reached;
    await expect(loadPack(db, makeOtherPack(), 'imported', 2)).rejects.toMatchObject({ name: 'StoreError', code: 'busy' });
    pause.release();
    expect((await first).installedAt).toBe(1);
  });

  it('a pack removed while it is written is gone when the writer stops, rows and all', async () => {
    const db = freshStore();
    const pause = holdAfterDictionary();
    const loading = loadPack(db, bigPack(), 'imported', 1, { onMatchable: pause.onMatchable }).catch((e: unknown) => e);
    await pause.reached;
    await removePack(db, 'big-pack');
    pause.release();
    expect(await loading).toBeInstanceOf(StoreError);
    const rows = await snapshot(db);
    expect(Object.values(rows).flat()).toEqual([]);
  });
});

describe('a restart with a half-written pack', () => {
  it('removes a pack whose writer died, keeps the others, and tells the user through the status', async () => {
    const name = `factmark-test-${crypto.randomUUID()}`;
    const first = createStore(name);
    await loadPack(first, makeSmallPack(), 'bundled', 1000);
    // The options page closes right after the dictionary row: every later write fails, the clean-up too.
    const error = await loadPack(first, bigPack(), 'imported', 2000, { onMatchable: () => first.close() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);

    const db = createStore(name);
    try {
      expect((await db.packs.get('big-pack'))?.state).toBe('writing');
      expect(await db.dictionaries.get('big-pack')).toBeDefined();
      const service = new StoreService(db, makeSmallPack(), quiet());
      const status = await service.ensure();
      expect(status.interrupted).toEqual([{ id: 'big-pack', name: bigPack().name, version: bigPack().version }]);
      expect((await packList(db)).map((p) => p.id)).toEqual(['test-pack']);
      expect(await db.dictionaries.get('big-pack')).toBeUndefined();
      for (const table of db.contentTables) expect(await table.where('packId').equals('big-pack').count()).toBe(0);
      expect(await entityCard(db, 'khalil-hashmi')).toBeDefined();
      // The same file imports again.
      expect((await loadPack(db, bigPack(), 'imported', 3000)).state).toBeUndefined();
    } finally {
      await db.delete();
    }
  });

  it('leaves a pack alone while its writer (another page) still holds the write lock', async () => {
    const db = freshStore();
    const locks = memoryLocks();
    await db.packs.put({ ...makeOtherPack(), kind: 'imported', enabled: true, installedAt: 1, counts: { sources: 0, entities: 0, roles: 0, facts: 0, deals: 0 }, state: 'writing' } as never);
    let finish!: () => void;
    const writer = locks.tryHold(packWriteLock(db.name, 'other-pack'), () => new Promise<void>((resolve) => (finish = resolve)));
    expect(await recoverPartialPacks(db, locks)).toEqual([]);
    expect(await db.packs.get('other-pack')).toBeDefined();
    finish();
    await writer;
    expect((await recoverPartialPacks(db, locks)).map((p) => p.id)).toEqual(['other-pack']);
    expect(await db.packs.get('other-pack')).toBeUndefined();
  });
});

/** Version 1's schema, as it shipped (lib/store/db.ts keeps it; a copy here so the test holds it still). */
const VERSION_1_STORES = {
  packs: 'id, kind',
  entities: '[packId+id], id, packId, *sources, *memberOf',
  aliases: '[packId+entityId], entityId, packId, *keys',
  roles: '[packId+id], packId, personId, orgId, sourceId',
  facts: '[packId+id], packId, *entityIds, attributedTo, sourceId',
  deals: '[packId+id], packId, *parties, *involved, *sourceIds',
  sources: '[packId+id], id, packId',
};

describe('schema versions 2 and 3', () => {
  it('builds the dictionary row of every pack stored by version 1, so existing users keep their marks', async () => {
    const name = `factmark-test-${crypto.randomUUID()}`;
    // What version 1 stored (its schema, as shipped).
    const v1 = new Dexie(name);
    v1.version(1).stores(VERSION_1_STORES);
    for (const [pack, kind, at] of [[makeSmallPack(), 'bundled', 1], [makeOtherPack(), 'imported', 2]] as const) {
      await v1.table('packs').put({ id: pack.id, name: pack.name, version: pack.version, hash: pack.hash, kind, enabled: true, installedAt: at, counts: { sources: 0, entities: 0, roles: 0, facts: 0, deals: 0 } });
      await v1.table('entities').bulkPut(withPack(pack.id, pack.entities));
      // Alias rows in reverse: the row must come out in entity id order whatever the read order.
      await v1.table('aliases').bulkPut(aliasRows(pack).reverse());
      await v1.table('roles').bulkPut(withPack(pack.id, pack.roles));
      await v1.table('deals').bulkPut(dealRows(pack));
    }
    v1.close();

    const db = createStore(name);
    try {
      await db.open();
      expect(db.verno).toBe(3);
      for (const pack of [makeSmallPack(), makeOtherPack()]) {
        expect(await db.dictionaries.get(pack.id)).toEqual(dictionaryRow(pack));
      }
      const fromRows = await matcherDictionary(db);
      await db.aliases.clear();
      await db.dictionaries.clear();
      await loadPack(db, makeSmallPack(), 'bundled', 1);
      await loadPack(db, makeOtherPack(), 'imported', 2);
      expect(fromRows).toEqual(await matcherDictionary(db));
    } finally {
      await db.delete();
    }
  });

  it('turns the rows version 2 stored as objects into JSON text, entries unchanged', async () => {
    const name = `factmark-test-${crypto.randomUUID()}`;
    const pack = makeSmallPack();
    // Version 2 as shipped: the dictionary row held its entries as objects.
    const v2 = new Dexie(name);
    v2.version(1).stores(VERSION_1_STORES);
    v2.version(2).stores({ dictionaries: 'packId' });
    await v2.table('packs').put({ id: pack.id, name: pack.name, version: pack.version, hash: pack.hash, kind: 'bundled', enabled: true, installedAt: 1, counts: { sources: 0, entities: 0, roles: 0, facts: 0, deals: 0 } });
    await v2.table('dictionaries').put({ packId: pack.id, hash: pack.hash, entries: dictionaryEntries(pack) });
    v2.close();

    const db = createStore(name);
    try {
      await db.open();
      expect(db.verno).toBe(3);
      const row = await db.dictionaries.get(pack.id);
      expect(row).toEqual(dictionaryRow(pack));
      expect(row).not.toHaveProperty('entries');
      expect((await matcherDictionary(db)).map((e) => e.entityId)).toEqual(dictionaryEntries(pack).map((e) => e.entityId));
    } finally {
      await db.delete();
    }
  });

  it('reads the alias rows when a dictionary row cannot be read, so the pack still marks', async () => {
    const db = createStore(`factmark-test-${crypto.randomUUID()}`);
    try {
      await loadPack(db, makeSmallPack(), 'bundled', 1);
      const good = await matcherDictionary(db);
      await db.dictionaries.put({ packId: makeSmallPack().id, hash: 'x', entriesJson: '[{"entityId": "trunc' });
      expect(await matcherDictionary(db)).toEqual(good);
      await db.dictionaries.put({ packId: makeSmallPack().id, hash: 'x', entriesJson: '{"not": "a list"}' });
      expect(await matcherDictionary(db)).toEqual(good);
    } finally {
      await db.delete();
    }
  });
});
