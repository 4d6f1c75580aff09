import { describe, expect, it } from 'vitest';
import { formatFigure, formatNumber } from '../../lib/card/format-figure';
import type { Figure } from '../../lib/pack/types';

// The seeds' own figures (lib/pack/generated/pack.json), and the edges around them.
const CASES: Array<[string, Figure, { amount: string; text?: string; change?: string; period?: string }]> = [
  ['USD with "over"', { value: 600_000_000, unit: 'USD', measure: 'industry value', qualifier: 'over' }, { amount: 'over US$600 million' }],
  ['USD with a period', { value: 450_000_000, unit: 'USD', measure: 'exports', period: '2023' }, { amount: 'US$450 million', period: '2023' }],
  [
    'CNY billions with a change',
    { value: 39_090_000_000, unit: 'CNY', measure: 'imports', period: 'January to May 2023', change: { value: 6.1, unit: 'percent', basis: 'year on year' } },
    { amount: '39.09 billion yuan', change: '+6.1% year on year', text: '39.09 billion yuan, +6.1% year on year', period: 'January to May 2023' },
  ],
  ['CNY one decimal', { value: 40_300_000_000, unit: 'CNY', measure: 'exports', change: { value: 6.3, unit: 'percent', basis: 'year on year' } }, { amount: '40.3 billion yuan', change: '+6.3% year on year' }],
  ['a fall', { value: 1_500_000, unit: 'USD', measure: 'x', change: { value: -2.5, unit: 'percent', basis: 'month on month' } }, { amount: 'US$1.5 million', change: '-2.5% month on month' }],
  ['percent with "more than"', { value: 8, unit: 'percent', measure: 'growth', qualifier: 'more than', period: 'next five years' }, { amount: 'more than 8%', period: 'next five years' }],
  ['rank "up to" 5 reads as top 5', { value: 5, unit: 'rank', measure: 'place', qualifier: 'up to' }, { amount: 'top 5' }],
  ['plain rank', { value: 2, unit: 'rank', measure: 'place' }, { amount: 'No. 2' }],
  ['thousands stay digits', { value: 3900, unit: 'units', measure: 'operational units', period: 'currently' }, { amount: '3,900 units', period: 'currently' }],
  ['over 25,000 instruments', { value: 25_000, unit: 'instruments', measure: 'instruments', qualifier: 'over' }, { amount: 'over 25,000 instruments' }],
  ['years', { value: 20, unit: 'years', measure: 'years in the market' }, { amount: '20 years' }],
  ['about', { value: 12, unit: 'USD', measure: 'x', qualifier: 'about' }, { amount: 'about US$12' }],
  ['at least, unknown unit kept as written', { value: 40, unit: 'hospitals', measure: 'x', qualifier: 'at least' }, { amount: 'at least 40 hospitals' }],
  ['PKR in words', { value: 2_000_000_000, unit: 'PKR', measure: 'x' }, { amount: '2 billion rupees' }],
  ['a non-percent change', { value: 10, unit: 'units', measure: 'x', change: { value: 3, unit: 'units', basis: 'since 2020' } }, { amount: '10 units', change: '+3 units since 2020' }],
];

describe('formatFigure', () => {
  it.each(CASES)('%s', (_name, figure, expected) => {
    const out = formatFigure(figure, 'en');
    expect(out.amount).toBe(expected.amount);
    expect(out.text).toBe(expected.text ?? (expected.change ? `${expected.amount}, ${expected.change}` : expected.amount));
    expect(out.change).toBe(expected.change);
    expect(out.period).toBe(expected.period);
    expect(out.measure).toBe(figure.measure);
  });

  it('writes numbers in the given locale', () => {
    expect(formatNumber(3900, 'de')).toBe('3.900');
    expect(formatNumber(39_090_000_000, 'en')).toBe('39.09 billion');
  });
});
