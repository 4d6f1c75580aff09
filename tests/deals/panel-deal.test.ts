import { describe, expect, it } from 'vitest';
import { dealBundle } from '../../lib/deals/deal-bundle';
import { dealWhen } from '../../lib/deals/deal-dates';
import { indexBundle, panelDeal } from '../../lib/deals/panel-deal';
import { rankDeals } from '../../lib/deals/rank-deals';
import { loadPack } from '../../lib/store';
import { makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from '../store/helpers';

async function bundleFor(entityIds?: string[], pack = makeSmallPack()) {
  const db = freshStore();
  await loadPack(db, pack, 'bundled');
  const bundle = await dealBundle(db, entityIds);
  return { bundle, index: indexBundle(bundle) };
}

describe('panelDeal', () => {
  it('writes kind, status, date, parties, figures and every quote', async () => {
    const { bundle, index } = await bundleFor();
    const b2b = panelDeal(bundle.deals.find((d) => d.id === 'deal-b2b-meeting')!, index, 'en');
    expect(b2b).toMatchObject({
      title: 'Pakistan-China B2B Matchmaking Meeting on Medical and Surgical Equipment',
      kind: 'Matchmaking event',
      statusValue: 'held',
      date: 'January 2025',
      parties: [{ id: 'pakistan-embassy-china', name: 'Embassy of Pakistan in China', onPage: false, via: [] }],
      involved: [{ id: 'khalil-hashmi', onPage: false }],
      onPageCount: 0,
    });
    expect(b2b.figures.map((f) => f.figure.text)).toEqual(['over US$600 million']);
    // The deal's own quote, then the figure's, each once.
    expect(b2b.evidence.map((e) => e.quote)).toEqual([
      'Pakistan-China B2B Matchmaking Meeting on Medical and Surgical Equipment, hosted by Pakistan’s Embassy in China',
      'valued at over $600 million',
    ]);
    expect(b2b.evidence[0]).toMatchObject({ sourceId: 'src-envoy', packId: 'test-pack', source: 'INP', date: 'January 20, 2025' });
  });

  it('never invents a year: an undated deal says so, with the year-less date of its report', async () => {
    const { bundle, index } = await bundleFor();
    const lab = panelDeal(bundle.deals.find((d) => d.id === 'deal-cancer-lab')!, index, 'en');
    expect(lab.date).toMatch(/^date not stated \(reported September 22.*by APP\)$/);
    expect(lab.date).not.toMatch(/\d{4}/);
    expect(lab.when).toMatchObject({ basis: 'reported', date: { month: 9, day: 22 } });
    expect(lab.figures).toEqual([]);
  });

  it('marks the names on the page, and the organisation reached through a person', async () => {
    // Hashmi is not named in the meeting here: he reaches it through his embassy.
    const pack = makeSmallPack();
    pack.deals = pack.deals.map((d) => (d.id === 'deal-b2b-meeting' ? { ...d, involved: [] } : d));
    const page = ['khalil-hashmi', 'wei-yujun'];
    const { bundle, index } = await bundleFor(page, pack);
    const ranked = rankDeals(bundle.deals, page, {
      organisationsOf: (id) => index.entities.get(id)?.organisations ?? [],
      dateOf: (deal) => dealWhen(deal, index.sourceOf)?.date,
    });
    expect(ranked.map((r) => r.deal.id)).toEqual(['deal-cancer-lab', 'deal-b2b-meeting']);
    const b2b = panelDeal(ranked[1]!.deal, index, 'en', ranked[1]);
    expect(b2b.parties).toEqual([{ id: 'pakistan-embassy-china', name: 'Embassy of Pakistan in China', onPage: false, via: [{ id: 'khalil-hashmi', name: 'Khalil Hashmi' }] }]);
    expect(b2b.onPageCount).toBe(1);
    // Wei Yujun is named in the lab deal himself: marked there, not repeated under his company.
    const lab = panelDeal(ranked[0]!.deal, index, 'en', ranked[0]);
    expect(lab.involved.find((p) => p.id === 'wei-yujun')).toEqual({ id: 'wei-yujun', name: 'Wei Yujun', onPage: true, via: [] });
    expect(lab.parties.find((p) => p.id === 'anlong-gene')?.via).toEqual([]);
  });
});
