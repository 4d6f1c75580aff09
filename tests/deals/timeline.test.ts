import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../../lib/pack/types';
import { buildTimeline } from '../../lib/deals/timeline';

type Item = { id: string; date?: PartialDate };
const item = (id: string, date?: PartialDate): Item => ({ id, ...(date ? { date } : {}) });
const ids = (items: Item[]) => items.map((i) => i.id);

function shape(items: Item[]) {
  const timeline = buildTimeline(items, (i) => i.date, (a, b) => a.id.localeCompare(b.id));
  return {
    years: timeline.years.map((y) => [y.year ?? null, y.months.map((m) => [m.month ?? null, ids(m.items)])]),
    undated: ids(timeline.undated),
  };
}

describe('buildTimeline', () => {
  it.each<[string, Item[], ReturnType<typeof shape>]>([
    ['nothing', [], { years: [], undated: [] }],
    ['undated only, kept apart', [item('b'), item('a')], { years: [], undated: ['a', 'b'] }],
    ['a day alone is no date', [item('a', { day: 3 })], { years: [], undated: ['a'] }],
    [
      'years newest first, months newest first, days newest first',
      [item('jan20', { year: 2025, month: 1, day: 20 }), item('old', { year: 2023, month: 8 }), item('jan3', { year: 2025, month: 1, day: 3 }), item('may', { year: 2025, month: 5 })],
      { years: [[2025, [[5, ['may']], [1, ['jan20', 'jan3']]]], [2023, [[8, ['old']]]]], undated: [] },
    ],
    [
      'a year without a month goes last in its year',
      [item('year', { year: 2025 }), item('jan', { year: 2025, month: 1 })],
      { years: [[2025, [[1, ['jan']], [null, ['year']]]]], undated: [] },
    ],
    [
      'a month without a year goes after the dated years, never into one',
      [item('sep22', { month: 9, day: 22 }), item('y2021', { year: 2021 }), item('none')],
      { years: [[2021, [[null, ['y2021']]]], [null, [[9, ['sep22']]]]], undated: ['none'] },
    ],
    [
      'ties within a month follow the tie-break',
      [item('b', { year: 2024, month: 2 }), item('a', { year: 2024, month: 2 })],
      { years: [[2024, [[2, ['a', 'b']]]]], undated: [] },
    ],
  ])('%s', (_, items, expected) => {
    expect(shape(items)).toEqual(expected);
  });
});
