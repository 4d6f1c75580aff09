import { describe, expect, it } from 'vitest';
import { importPackFile, importPackValue, reservedPackIds, type ImportProgress } from '../../lib/packs';
import type { FactPack } from '../../lib/pack/types';
import { ensureBundledPack, loadPack, type MarkerStorage, type BundledMarker } from '../../lib/store';
import { makeSmallPack } from '../fixtures/small-pack';
import { failWritesWithQuota, freshStore } from '../store/helpers';
import { importablePack, packFile, snapshot, withHash } from './fixtures';
import { packFileText } from '../../lib/pack/validate';

const NO_RESERVED = { reservedIds: [] as string[] };

function memoryMarker(initial: BundledMarker | null = null): MarkerStorage {
  let value = initial;
  return { getValue: async () => value, setValue: async (next) => void (value = next) };
}

/** A store holding the bundled pack (kind 'bundled'), as the background leaves it. */
async function storeWithBundled() {
  const db = freshStore();
  await loadPack(db, await withHash(makeSmallPack({ id: 'factmark-seeds', name: 'Bundled' })), 'bundled', 1);
  return db;
}

describe('a good pack', () => {
  it('is written as an imported pack, with progress through every phase', async () => {
    const db = await storeWithBundled();
    const pack = await importablePack();
    const progress: ImportProgress[] = [];
    const result = await importPackFile(db, packFile(pack), { onProgress: (p) => progress.push(p), now: () => 5 });
    expect(result).toMatchObject({ ok: true, meta: { id: 'my-pack', kind: 'imported', enabled: true, installedAt: 5, counts: { entities: 7, sources: 2 } } });
    expect(await db.entities.where('packId').equals('my-pack').count()).toBe(7);
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['reading', 'checking', 'writing']);
    const writes = progress.filter((p) => p.phase === 'writing');
    expect(writes.at(-1)).toMatchObject({ done: writes.at(-1)?.total });
    expect(writes.map((p) => p.done)).toEqual([...writes.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('imports a file as Factmark writes it (packFileText) and the same pack written another way, with the onDictionary hand-over', async () => {
    for (const [id, text] of [
      ['canonical-file', (pack: FactPack) => packFileText(pack)],
      ['other-order-file', (pack: FactPack) => JSON.stringify(pack, null, 2)],
    ] as const) {
      const db = await storeWithBundled();
      const pack = await importablePack({ id });
      const checked: Array<{ packId: string; hash: string; entriesJson: string }> = [];
      const result = await importPackFile(db, packFile(text(pack)), { onDictionary: (d) => checked.push(d) });
      expect(result).toMatchObject({ ok: true, meta: { id } });
      expect(checked).toEqual([{ packId: id, hash: pack.hash, entriesJson: expect.any(String) }]);
      expect((JSON.parse(checked[0]!.entriesJson) as unknown[]).length).toBe(7);
    }
  });

  it('hands the dictionary over before the checks; a pack that then fails them is still refused, nothing written', async () => {
    const db = await storeWithBundled();
    const badQuote = await importablePack({ id: 'bad-quote' });
    badQuote.facts[0]!.quote = 'a quote no source has';
    const badAliases = await importablePack({ id: 'bad-aliases' });
    (badAliases.entities as unknown[])[0] = null;
    const told: string[] = [];
    const onDictionary = (d: { packId: string }) => told.push(d.packId);
    const before = await snapshot(db);
    expect(await importPackValue(db, await withHash(badQuote), { ...NO_RESERVED, onDictionary })).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
    // Too broken to make a dictionary of: nothing handed over, and validation says why.
    expect(await importPackValue(db, await withHash(badAliases), { ...NO_RESERVED, onDictionary })).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
    expect(await importPackValue(db, 'not a pack', { ...NO_RESERVED, onDictionary })).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
    expect(told).toEqual(['bad-quote']);
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps fields carrying HTML or script as plain text', async () => {
    const db = freshStore();
    const pack = makeSmallPack({ id: 'my-pack' });
    pack.entities[0]!.description = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const result = await importPackValue(db, await withHash(pack), NO_RESERVED);
    expect(result.ok).toBe(true);
    expect((await db.entities.get(['my-pack', pack.entities[0]!.id]))?.description).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script>');
  });
});

describe('versions', () => {
  it('a newer version of the same id replaces the old one and keeps it switched off', async () => {
    const db = freshStore();
    await importPackValue(db, await importablePack(), NO_RESERVED);
    await db.packs.update('my-pack', { enabled: false });
    const v2 = makeSmallPack({ id: 'my-pack', version: '1.1.0' });
    v2.entities = v2.entities.filter((e) => e.id === 'inp');
    v2.roles = [];
    v2.facts = [];
    v2.deals = [];
    v2.sources = v2.sources.filter((s) => s.id === 'src-envoy');
    v2.entities[0]!.sources = ['src-envoy'];
    const result = await importPackValue(db, await withHash(v2), NO_RESERVED);
    expect(result).toMatchObject({ ok: true, replaced: '1.0.0', meta: { version: '1.1.0', enabled: false } });
    expect(await db.entities.where('packId').equals('my-pack').count()).toBe(1);
  });

  it.each([
    ['the same version', '1.0.0'],
    ['an older version', '0.9.9'],
    ['a pre-release of it', '1.0.0-beta.1'],
  ])('%s is refused and the store is unchanged', async (_, version) => {
    const db = freshStore();
    await importPackValue(db, await importablePack(), NO_RESERVED);
    const before = await snapshot(db);
    const result = await importPackValue(db, await importablePack({ version, name: 'Changed' }), NO_RESERVED);
    expect(result).toEqual({ ok: false, problem: { kind: 'not-newer', packId: 'my-pack', version, installed: '1.0.0' } });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('the bundled pack', () => {
  it("an import under the bundled pack's id is refused", async () => {
    const db = await storeWithBundled();
    const before = await snapshot(db);
    const result = await importPackValue(db, await importablePack({ id: 'factmark-seeds', version: '9.0.0' }), { reservedIds: await reservedPackIds(db, memoryMarker()) });
    expect(result).toEqual({ ok: false, problem: { kind: 'bundled-id', packId: 'factmark-seeds' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('is refused even while the bundled pack is missing from the store (the marker remembers it)', async () => {
    const db = freshStore();
    const marker = memoryMarker({ packId: 'factmark-seeds', version: '1.0.0', hash: 'x', loadedAt: 1, evictions: 0 });
    expect(await reservedPackIds(db, marker)).toEqual(['factmark-seeds']);
  });

  it('is refused by the write itself when it is stored as bundled', async () => {
    const db = await storeWithBundled();
    const result = await importPackValue(db, await importablePack({ id: 'factmark-seeds', version: '9.0.0' }), NO_RESERVED);
    expect(result).toEqual({ ok: false, problem: { kind: 'bundled-id', packId: 'factmark-seeds' } });
  });

  it('imported packs survive a bundled update, and neither touches the other', async () => {
    const db = freshStore();
    const quiet = { info: () => {}, warn: () => {} };
    const options = { marker: memoryMarker(), log: quiet, requestPersistence: async () => undefined };
    const bundledV1 = await withHash(makeSmallPack({ id: 'factmark-seeds' }));
    await ensureBundledPack(db, bundledV1, options);
    await importPackValue(db, await importablePack(), NO_RESERVED);
    await importPackValue(db, await importablePack({ id: 'second-pack', name: 'Second' }), NO_RESERVED);
    const imported = async () => (await snapshot(db)).entities!.filter((row) => (row as { packId: string }).packId !== 'factmark-seeds');
    const before = await imported();

    const bundledV2 = makeSmallPack({ id: 'factmark-seeds', version: '2.0.0' });
    bundledV2.entities[0]!.description = 'Changed by the update.';
    const result = await ensureBundledPack(db, await withHash(bundledV2), options);
    expect(result.action).toBe('updated');
    expect(await imported()).toEqual(before);
    expect((await db.packs.toArray()).map((p) => [p.id, p.kind]).sort()).toEqual([
      ['factmark-seeds', 'bundled'],
      ['my-pack', 'imported'],
      ['second-pack', 'imported'],
    ]);
    expect((await db.entities.get(['my-pack', 'khalil-hashmi']))?.description).toBe('Pakistan’s Ambassador to China.');
  });
});

describe('hostile or broken input: a clear problem, and the store exactly as it was', () => {
  const cases: Array<[string, () => Promise<Blob>, (problem: unknown) => void]> = [
    ['wrong JSON', async () => packFile('{"format": "factmark-pack", '), (p) => expect(p).toMatchObject({ kind: 'not-json', detail: expect.any(String) })],
    ['an empty file', async () => packFile(''), (p) => expect(p).toEqual({ kind: 'empty' })],
    ['text that is not UTF-8', async () => new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]), (p) => expect(p).toMatchObject({ kind: 'unreadable' })],
    ['JSON that is not a pack', async () => packFile([1, 2, 3]), (p) => expect(p).toMatchObject({ kind: 'invalid', errors: [{ record: 'pack', message: expect.stringContaining('JSON object') }] })],
    [
      'the wrong schema',
      async () => packFile({ ...(await importablePack()), entities: [{ id: 'x', type: 'robot' }] }),
      (p) => expect(p).toMatchObject({ kind: 'invalid', errors: expect.arrayContaining([expect.objectContaining({ record: 'entities[0] (x)', field: 'type' })]) }),
    ],
    [
      'a quote missing from its source',
      async () => {
        const pack = await importablePack();
        pack.facts[0]!.quote = 'valued at over $900 million';
        return packFile(await withHash(pack));
      },
      (p) => expect(p).toMatchObject({ kind: 'invalid', errors: [expect.objectContaining({ record: 'facts[0] (fact-industry-value)', field: 'quote' })] }),
    ],
    [
      'a gigantic string',
      async () => {
        const pack = await importablePack();
        pack.entities[1]!.description = 'x'.repeat(1_000_000);
        return packFile(await withHash(pack));
      },
      (p) => expect(p).toMatchObject({ kind: 'invalid', errors: [expect.objectContaining({ field: 'description', message: expect.stringContaining('1000000 characters long') })] }),
    ],
    [
      'content changed after it was compiled',
      async () => packFile({ ...(await importablePack()), name: 'Edited by hand' }),
      (p) => expect(p).toEqual({ kind: 'hash-mismatch', packId: 'my-pack' }),
    ],
    [
      'a file as Factmark writes it, edited by hand after (checked from its bytes first)',
      async () => packFile(packFileText(await importablePack()).replace('"name": "My pack"', '"name": "My edited pack"')),
      (p) => expect(p).toEqual({ kind: 'hash-mismatch', packId: 'my-pack' }),
    ],
  ];

  it.each(cases)('%s', async (_, file, check) => {
    const db = await storeWithBundled();
    await importPackValue(db, await importablePack({ id: 'kept-pack' }), NO_RESERVED);
    const before = await snapshot(db);
    const result = await importPackFile(db, await file(), NO_RESERVED);
    expect(result.ok).toBe(false);
    if (!result.ok) check(result.problem);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a file over the size limit is refused before a byte is read', async () => {
    const db = freshStore();
    let read = false;
    const huge = { size: 300 * 1024 * 1024, stream: () => ((read = true), new Blob([]).stream()) } as unknown as Blob;
    expect(await importPackFile(db, huge, NO_RESERVED)).toEqual({ ok: false, problem: { kind: 'too-large', size: 300 * 1024 * 1024, limit: 200 * 1024 * 1024 } });
    expect(read).toBe(false);
    expect(await db.packs.count()).toBe(0);
  });

  it('honours a smaller limit while reading too', async () => {
    const result = await importPackFile(freshStore(), packFile(await importablePack()), { ...NO_RESERVED, maxBytes: 100 });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'too-large', limit: 100 } });
  });

  it.each([
    ['a new pack', 'fresh-pack'],
    ['a newer version of an installed pack', 'kept-pack'],
  ])('the storage quota running out mid-import of %s', async (_, id) => {
    const db = freshStore();
    // Installed before the store opens (Dexie middleware), armed once the stage is set.
    const quota = failWritesWithQuota(db, 'aliases');
    quota.armed = false;
    await loadPack(db, await withHash(makeSmallPack({ id: 'factmark-seeds' })), 'bundled', 1);
    await importPackValue(db, await importablePack({ id: 'kept-pack' }), NO_RESERVED);
    const before = await snapshot(db);
    // Sources and entities go in, then the aliases write fails: the middle of the load.
    quota.armed = true;
    const result = await importPackValue(db, await importablePack({ id, version: '2.0.0' }), NO_RESERVED);
    expect(result).toEqual({ ok: false, problem: { kind: 'quota' } });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('validation reports', () => {
  it('name the record and the field of every error', async () => {
    const pack: FactPack = await importablePack();
    pack.roles[0]!.personId = 'nobody';
    pack.deals[1]!.kind = 'merger' as never;
    const result = await importPackValue(freshStore(), await withHash(pack), NO_RESERVED);
    expect(result.ok ? [] : result.problem).toMatchObject({
      kind: 'invalid',
      errors: [
        { record: 'roles[0] (role-hashmi-ambassador)', field: 'personId' },
        { record: 'deals[1] (deal-cancer-lab)', field: 'kind' },
      ],
    });
  });
});
