import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../../lib/pack/types';
import { rankDeals, type RankableDeal } from '../../lib/deals/rank-deals';

const deal = (id: string, parties: string[], involved: string[] = [], date?: PartialDate): RankableDeal => ({ id, title: id, parties, involved, ...(date ? { date } : {}) });

// Who acts for whom, as roles and memberOf give it.
const ORGS: Record<string, string[]> = { hashmi: ['embassy'], waqas: ['rehealth'], wei: ['anlong'] };
const organisationsOf = (id: string) => ORGS[id] ?? [];

const DEALS = [
  deal('b2b', ['embassy', 'chamber'], ['hashmi', 'zhou'], { year: 2025, month: 1 }),
  deal('lab', ['anlong', 'rehealth'], ['waqas', 'wei'], { month: 9, day: 22 }),
  deal('park', [], ['hashmi'], { year: 2025, month: 1 }),
  deal('summit', ['chamber'], [], { year: 2021 }),
  deal('undated', ['chamber']),
  deal('other', ['nobody']),
];

describe('rankDeals', () => {
  it.each<[string, string[], string[]]>([
    ['nothing on the page', [], []],
    ['an entity in no deal', ['stranger'], []],
    ['a party', ['anlong'], ['lab']],
    ['an involved person', ['zhou'], ['b2b']],
    // Hashmi is involved in b2b and park (same date): b2b wins by title only after counts tie.
    ['a person involved in two deals', ['hashmi'], ['b2b', 'park']],
    // Waqas is involved himself; through his company too, but he counts once.
    ['a person and his company', ['waqas', 'rehealth'], ['lab']],
    // More page entities taking part ranks first, whatever the date.
    ['more page entities first', ['chamber', 'wei', 'anlong', 'rehealth'], ['lab', 'b2b', 'summit', 'undated']],
    // Same count: newest first, a year-less date after dated ones, undated last.
    ['then by date, undated last', ['chamber'], ['b2b', 'summit', 'undated']],
    ['a duplicate page id counts once', ['chamber', 'chamber'], ['b2b', 'summit', 'undated']],
  ])('%s', (_, page, expected) => {
    expect(rankDeals(DEALS, page, { organisationsOf }).map((r) => r.deal.id)).toEqual(expected);
  });

  it('takes part through an organisation when the person is not named in the deal', () => {
    const deals = [deal('hosted', ['embassy']), deal('direct', ['zhou'])];
    const [first, second] = rankDeals(deals, ['hashmi', 'zhou'], { organisationsOf });
    expect(first).toMatchObject({ deal: { id: 'direct' }, onPage: ['zhou'], direct: ['zhou'] });
    expect(second).toMatchObject({ deal: { id: 'hosted' }, onPage: ['hashmi'], direct: [] });
    expect(second?.through).toEqual(new Map([['embassy', ['hashmi']]]));
  });

  it('counts a person and the organisation they act for as two page entities; on a tie, direct ones win', () => {
    const deals = [deal('a', ['embassy']), deal('b', ['chamber', 'zhou']), deal('c', ['chamber'])];
    expect(rankDeals(deals, ['zhou', 'chamber', 'embassy', 'hashmi'], { organisationsOf }).map((r) => [r.deal.id, r.onPage, r.direct])).toEqual([
      ['b', ['zhou', 'chamber'], ['zhou', 'chamber']],
      ['a', ['embassy', 'hashmi'], ['embassy']],
      ['c', ['chamber'], ['chamber']],
    ]);
  });

  it('without organisations, a person reaches only the deals naming them', () => {
    expect(rankDeals([deal('hosted', ['embassy'])], ['hashmi']).map((r) => r.deal.id)).toEqual([]);
  });

  it('ranks by the date it is given (a report date standing in)', () => {
    const deals = [deal('old', ['x']), deal('new', ['x'])];
    const reported: Record<string, PartialDate> = { old: { year: 2020 }, new: { year: 2024 } };
    expect(rankDeals(deals, ['x'], { dateOf: (d) => reported[d.id] }).map((r) => r.deal.id)).toEqual(['new', 'old']);
  });

  it('lists page entities in page order', () => {
    const [ranked] = rankDeals([deal('lab', ['anlong', 'rehealth'], ['waqas', 'wei'])], ['wei', 'rehealth', 'anlong']);
    expect(ranked?.onPage).toEqual(['wei', 'rehealth', 'anlong']);
  });
});
