import { describe, expect, it } from 'vitest';
import { dealWhen, hasDate } from '../../lib/deals/deal-dates';
import type { SourceSummary } from '../../lib/store';

const SOURCES: SourceSummary[] = [
  { id: 'dated', packId: 'p', title: 'Dated', date: { year: 2025, month: 1, day: 20 } },
  { id: 'yearless', packId: 'p', title: 'Sep 22', date: { month: 9, day: 22 } },
  { id: 'undated', packId: 'p', title: 'Undated' },
];
const sourceOf = (packId: string, id: string) => SOURCES.find((s) => s.packId === packId && s.id === id);

describe('dealWhen', () => {
  it.each([
    ['the deal’s own date wins', { year: 2021 }, 'dated', { date: { year: 2021 }, basis: 'deal' }],
    ['else the report date, marked as such', undefined, 'dated', { date: { year: 2025, month: 1, day: 20 }, basis: 'reported', source: SOURCES[0] }],
    ['a year-less report date stays year-less', undefined, 'yearless', { date: { month: 9, day: 22 }, basis: 'reported', source: SOURCES[1] }],
    ['a day alone is no date', { day: 4 }, 'undated', undefined],
    ['nothing known', undefined, 'undated', undefined],
    ['a source of another pack is not used', undefined, 'missing', undefined],
  ])('%s', (_, date, sourceId, expected) => {
    expect(dealWhen({ packId: 'p', sourceId, ...(date ? { date } : {}) }, sourceOf)).toEqual(expected);
  });

  it('hasDate needs a year or a month', () => {
    expect([hasDate(undefined), hasDate({}), hasDate({ day: 1 }), hasDate({ month: 2 }), hasDate({ year: 1 })]).toEqual([false, false, false, true, true]);
  });
});
