import { beforeEach, describe, expect, it } from 'vitest';
import {
  allDeals,
  dealsByParty,
  entitiesByAlias,
  entityById,
  entityCard,
  loadPack,
  matcherDictionary,
  packList,
  setPackEnabled,
  sourceById,
  type FactmarkDB,
} from '../../lib/store';
import { makeOtherPack, makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from './helpers';
import { mergeEntries, packEntriesFromJson } from '../../lib/store/entity-queries';
import { packDictionary } from '../../lib/store/pack-rows';

let db: FactmarkDB;

beforeEach(async () => {
  db = freshStore();
  await loadPack(db, makeSmallPack(), 'bundled', 1000);
});

const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((r) => r.id);

describe('entityById and entitiesByAlias', () => {
  it('finds an entity by id, with its pack', async () => {
    expect(await entityById(db, 'khalil-hashmi')).toMatchObject({ id: 'khalil-hashmi', packId: 'test-pack', name: 'Khalil Hashmi' });
    expect(await entityById(db, 'nobody')).toBeUndefined();
  });

  it.each([
    ['Hashmi', ['khalil-hashmi']],
    ['  KHALIL   hashmi ', ['khalil-hashmi']],
    ['Pakistan’s Embassy in China', ['pakistan-embassy-china']],
    ["Pakistan's Embassy in China", ['pakistan-embassy-china']],
    ['Embassy of Pakistan in China', ['pakistan-embassy-china']],
    ['anlong gene', ['anlong-gene']],
    ['Sialkot Chamber', []],
  ])('alias %j → %j', async (alias, expected) => {
    expect(ids(await entitiesByAlias(db, alias))).toEqual(expected);
  });

  it('prefers an imported pack for an id both packs have, and hides disabled packs', async () => {
    await loadPack(db, makeOtherPack(), 'imported', 2000);
    expect((await entityById(db, 'khalil-hashmi'))?.description).toBe('Diplomat (from the other pack).');
    expect(ids(await entitiesByAlias(db, 'Ambassador Hashmi'))).toEqual(['khalil-hashmi']);
    await setPackEnabled(db, 'other-pack', false);
    expect((await entityById(db, 'khalil-hashmi'))?.packId).toBe('test-pack');
    expect(await entitiesByAlias(db, 'Sialkot Chamber')).toEqual([]);
  });
});

describe('entityCard', () => {
  it('gathers a person’s roles (with organisations), facts, deals, related entities and sources', async () => {
    const card = await entityCard(db, 'khalil-hashmi');
    expect(card?.entity.name).toBe('Khalil Hashmi');
    expect(card?.roles).toEqual([
      expect.objectContaining({ id: 'role-hashmi-ambassador', org: { id: 'pakistan-embassy-china', packId: 'test-pack', name: 'Embassy of Pakistan in China', type: 'organisation' } }),
    ]);
    expect(ids(card?.facts ?? [])).toEqual(['fact-industry-value']);
    expect(card?.deals.map((d) => [d.id, d.partyEntities.map((p) => p.id)])).toEqual([['deal-b2b-meeting', ['pakistan-embassy-china']]]);
    expect(card?.related).toEqual([
      { entity: expect.objectContaining({ id: 'pakistan-embassy-china' }), relation: 'organisation', via: ['pakistan-embassy-china'] },
    ]);
    expect(card?.sources).toEqual([
      { id: 'src-envoy', packId: 'test-pack', title: 'China, Pakistan to enhance ties in medical sector: Envoy', outlet: 'INP', date: { year: 2025, month: 1, day: 20 }, dateText: 'January 20, 2025' },
    ]);
  });

  it('links colleagues at the same organisation and partners in the same deal', async () => {
    const card = await entityCard(db, 'ahmed-waqas');
    const related = new Map(card?.related.map((r) => [r.entity.id, [r.relation, r.via]]));
    expect(related.get('life-rehealth')).toEqual(['organisation', ['life-rehealth']]);
    expect(related.get('anlong-gene')).toEqual(['deal-partner', ['deal-cancer-lab']]);
    expect(related.get('wei-yujun')).toEqual(['deal-partner', ['deal-cancer-lab']]);
    expect(related.has('ahmed-waqas')).toBe(false);
    // Dated sources first, newest first; the lab story's date has no year.
    expect(ids(card?.sources ?? [])).toEqual(['src-envoy', 'src-lab']);
  });

  it('shows an organisation its people, facts attributed to them, and deals', async () => {
    const card = await entityCard(db, 'anlong-gene');
    expect(card?.roles.map((r) => [r.id, r.person?.name])).toEqual([['role-wei-gm', 'Wei Yujun']]);
    expect(card?.facts).toEqual([expect.objectContaining({ id: 'fact-health-borders', attributedEntity: expect.objectContaining({ id: 'wei-yujun' }) })]);
    const related = new Map(card?.related.map((r) => [r.entity.id, r.relation]));
    expect(related.get('wei-yujun')).toBe('member');
    expect(related.get('life-rehealth')).toBe('deal-partner');
    expect(card?.deals[0]?.involvedEntities.map((e) => e.id)).toEqual(['ahmed-waqas', 'wei-yujun']);
  });

  it('finds colleagues through memberOf as well as roles', async () => {
    const pack = makeSmallPack();
    pack.entities.push({ id: 'aide', type: 'person', name: 'An Aide', description: '', aliases: [], memberOf: ['pakistan-embassy-china'], sources: [] });
    await loadPack(db, pack, 'bundled');
    const related = new Map((await entityCard(db, 'khalil-hashmi'))?.related.map((r) => [r.entity.id, [r.relation, r.via]]));
    expect(related.get('aide')).toEqual(['colleague', ['pakistan-embassy-china']]);
  });

  it('merges rows from every enabled pack for a shared entity id', async () => {
    await loadPack(db, makeOtherPack(), 'imported', 2000);
    const card = await entityCard(db, 'khalil-hashmi');
    expect(ids(card?.deals ?? [])).toEqual(['deal-b2b-meeting', 'deal-meeting']);
    // The two packs' "src-envoy" are different documents: each citation keeps its own pack's.
    expect(card?.sources.map((s) => [s.packId, s.id, s.outlet])).toEqual([
      ['test-pack', 'src-envoy', 'INP'],
      ['other-pack', 'src-envoy', 'Gwadar Pro'],
    ]);
  });

  it('is undefined for an unknown entity or one only a disabled pack has', async () => {
    expect(await entityCard(db, 'nobody')).toBeUndefined();
    await setPackEnabled(db, 'test-pack', false);
    expect(await entityCard(db, 'khalil-hashmi')).toBeUndefined();
  });
});

describe('deals', () => {
  it('dealsByParty finds deals where an entity is a party or, by default, involved', async () => {
    expect(ids(await dealsByParty(db, ['life-rehealth']))).toEqual(['deal-cancer-lab']);
    expect(ids(await dealsByParty(db, ['khalil-hashmi']))).toEqual(['deal-b2b-meeting']);
    expect(ids(await dealsByParty(db, ['khalil-hashmi'], { includeInvolved: false }))).toEqual([]);
    expect(ids(await dealsByParty(db, ['anlong-gene', 'life-rehealth', 'pakistan-embassy-china']))).toEqual(['deal-b2b-meeting', 'deal-cancer-lab']);
    expect(await dealsByParty(db, [])).toEqual([]);
  });

  it('allDeals lists every enabled deal, dated ones newest first, without index-only fields', async () => {
    await loadPack(db, makeOtherPack(), 'imported', 2000);
    const deals = await allDeals(db);
    expect(ids(deals)).toEqual(['deal-b2b-meeting', 'deal-meeting', 'deal-cancer-lab']);
    expect(deals.every((d) => !('sourceIds' in d))).toBe(true);
    expect(deals[1]?.partyEntities.map((p) => [p.id, p.packId])).toEqual([
      ['sialkot-chamber', 'other-pack'],
      ['khalil-hashmi', 'other-pack'],
    ]);
    await setPackEnabled(db, 'test-pack', false);
    expect(ids(await allDeals(db))).toEqual(['deal-meeting']);
  });
});

describe('sourceById', () => {
  it('returns the source and everything drawn from it, deal citations included', async () => {
    const view = await sourceById(db, 'src-envoy');
    expect(view?.source).toMatchObject({ id: 'src-envoy', packId: 'test-pack', outlet: 'INP' });
    expect(view?.source.text).toContain('Khalil Hashmi');
    expect(ids(view?.roles ?? [])).toEqual(['role-hashmi-ambassador']);
    expect(ids(view?.facts ?? [])).toEqual(['fact-industry-value']);
    expect(ids(view?.deals ?? []).sort()).toEqual(['deal-b2b-meeting', 'deal-cancer-lab']);
    expect(ids(view?.entities ?? [])).toEqual(['pakistan-embassy-china', 'inp', 'khalil-hashmi']);
  });

  it('keeps to one pack when two packs reuse a source id', async () => {
    await loadPack(db, makeOtherPack(), 'imported', 2000);
    const imported = await sourceById(db, 'src-envoy');
    expect(imported?.source.packId).toBe('other-pack');
    expect(ids(imported?.deals ?? [])).toEqual(['deal-meeting']);
    expect(imported?.roles).toEqual([]);
    const bundled = await sourceById(db, 'src-envoy', 'test-pack');
    expect(ids(bundled?.deals ?? []).sort()).toEqual(['deal-b2b-meeting', 'deal-cancer-lab']);
    expect(await sourceById(db, 'nope')).toBeUndefined();
  });
});

describe('packList and matcherDictionary', () => {
  it('lists packs, imported ones first', async () => {
    await loadPack(db, makeOtherPack(), 'imported', 2000);
    expect((await packList(db)).map((p) => [p.id, p.kind, p.enabled])).toEqual([
      ['other-pack', 'imported', true],
      ['test-pack', 'bundled', true],
    ]);
  });

  it('gives one entry per entity with what the matcher needs', async () => {
    const dict = await matcherDictionary(db);
    expect(dict).toHaveLength(7);
    expect(dict.find((e) => e.entityId === 'khalil-hashmi')).toEqual({
      entityId: 'khalil-hashmi',
      packId: 'test-pack',
      name: 'Khalil Hashmi',
      type: 'person',
      aliases: [
        { text: 'Khalil Hashmi', kind: 'name' },
        { text: 'Hashmi', kind: 'surname' },
      ],
      country: 'PK',
      titles: ['Ambassador to China'],
      // The organisation he represents supports his bare surname on a page (lib/match).
      related: ['pakistan-embassy-china'],
    });
    expect(dict.find((e) => e.entityId === 'anlong-gene')?.cues).toEqual(['cancer precision medical laboratory']);
  });

  it('merges a shared entity’s aliases across packs and skips disabled packs', async () => {
    await loadPack(db, makeOtherPack(), 'imported', 2000);
    const dict = await matcherDictionary(db);
    expect(dict).toHaveLength(8);
    expect(dict.find((e) => e.entityId === 'khalil-hashmi')?.aliases.map((a) => a.text)).toEqual(['Khalil Hashmi', 'Ambassador Hashmi', 'Hashmi']);
    await setPackEnabled(db, 'test-pack', false);
    await setPackEnabled(db, 'other-pack', false);
    expect(await matcherDictionary(db)).toEqual([]);
  });
  it('mergeEntries gives an import\'s dictionary over the installed ones exactly as the store will (prepared matcher)', async () => {
    // Three packs, the shared entity in all of them: the newest import ranks first.
    const third = { ...makeOtherPack(), id: 'third-pack', hash: 'third-hash' };
    third.entities = third.entities.map((e) => ({ ...e, aliases: [...e.aliases, { text: `${e.name} (third)`, kind: 'name' as const }] }));
    await loadPack(db, third, 'imported', 1000);
    const below = await matcherDictionary(db);
    const other = makeOtherPack();
    const merged = mergeEntries(packEntriesFromJson(other.id, packDictionary(other).json)!, below);
    await loadPack(db, other, 'imported', 2000);
    const stored = await matcherDictionary(db);
    expect(merged).toEqual(stored);
    expect(stored.find((e) => e.entityId === 'khalil-hashmi')?.aliases.map((a) => a.text)).toEqual(['Khalil Hashmi', 'Ambassador Hashmi', 'Khalil Hashmi (third)', 'Hashmi']);
  });
});
