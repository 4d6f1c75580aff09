import { describe, expect, it } from 'vitest';
import { dealBundle } from '../../lib/deals/deal-bundle';
import { loadPack, setPackEnabled } from '../../lib/store';
import { makeOtherPack, makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from '../store/helpers';

async function store() {
  const db = freshStore();
  await loadPack(db, makeSmallPack(), 'bundled');
  return db;
}

describe('dealBundle', () => {
  it('without ids: every deal, with figures, sources and entities', async () => {
    const bundle = await dealBundle(await store());
    expect(bundle.deals.map((d) => d.id)).toEqual(['deal-b2b-meeting', 'deal-cancer-lab']);
    expect(bundle.facts.map((f) => f.id)).toEqual(['fact-industry-value']);
    expect(bundle.sources.map((s) => s.id).sort()).toEqual(['src-envoy', 'src-lab']);
    const ids = bundle.entities.map((e) => e.id).sort();
    expect(ids).toEqual(['ahmed-waqas', 'anlong-gene', 'khalil-hashmi', 'life-rehealth', 'pakistan-embassy-china', 'wei-yujun']);
    expect(bundle.entities.find((e) => e.id === 'anlong-gene')).toMatchObject({ name: 'Beijing Anlong Gene Medicine Technology Co., Ltd.', country: 'CN', organisations: [] });
  });

  it('with ids: deals of the entities and of their organisations', async () => {
    const db = await store();
    const bundle = await dealBundle(db, ['wei-yujun']);
    expect(bundle.deals.map((d) => d.id)).toEqual(['deal-cancer-lab']);
    expect(bundle.entities.find((e) => e.id === 'wei-yujun')?.organisations).toEqual(['anlong-gene']);
  });

  it('reaches a deal only through a person’s organisation (roles and memberOf)', async () => {
    const pack = makeSmallPack();
    pack.deals = pack.deals.map((d) => ({ ...d, involved: [] }));
    const db = freshStore();
    await loadPack(db, pack, 'bundled');
    const bundle = await dealBundle(db, ['khalil-hashmi', 'nobody-known']);
    expect(bundle.deals.map((d) => d.id)).toEqual(['deal-b2b-meeting']);
    expect(bundle.entities.find((e) => e.id === 'khalil-hashmi')).toMatchObject({ type: 'person', organisations: ['pakistan-embassy-china'] });
  });

  it('reads enabled packs only', async () => {
    const db = await store();
    await loadPack(db, makeOtherPack(), 'imported');
    expect((await dealBundle(db)).deals.map((d) => d.id)).toContain('deal-meeting');
    await setPackEnabled(db, 'other-pack', false);
    expect((await dealBundle(db)).deals.map((d) => d.id)).not.toContain('deal-meeting');
    await setPackEnabled(db, 'test-pack', false);
    expect(await dealBundle(db)).toEqual({ deals: [], facts: [], sources: [], entities: [] });
  });
});
