import { describe, expect, it } from 'vitest';
import { dateOrNotStated, formatPartialDate } from '../../lib/card/format-date';
import type { PartialDate } from '../../lib/pack/types';

describe('formatPartialDate', () => {
  it.each<[string, PartialDate | undefined, string | undefined, string | undefined]>([
    ['a full date', { year: 2025, month: 1, day: 20 }, undefined, 'January 20, 2025'],
    ['no year: never invented', { month: 9, day: 22 }, 'Sep 22', 'September 22 (year not stated)'],
    ['29 February without a year', { month: 2, day: 29 }, undefined, 'February 29 (year not stated)'],
    ['month and year', { year: 2023, month: 8 }, undefined, 'August 2023'],
    ['year only', { year: 2023 }, undefined, '2023'],
    ['month only', { month: 5 }, undefined, 'May (year not stated)'],
    ['nothing structured: the text’s own words', undefined, 'Post time: Aug-19-2023', 'Post time: Aug-19-2023'],
    ['a day without a month is no date', { day: 3 }, undefined, undefined],
    ['an impossible month is no date', { year: 2020, month: 13 }, undefined, undefined],
    ['no date at all', undefined, undefined, undefined],
  ])('%s', (_name, date, text, expected) => {
    expect(formatPartialDate(date, 'en-US', text)).toBe(expected);
  });

  it('follows the locale', () => {
    expect(formatPartialDate({ year: 2025, month: 1, day: 20 }, 'en-GB')).toBe('20 January 2025');
  });

  it('says "date not stated" rather than nothing', () => {
    expect(dateOrNotStated(undefined)).toBe('date not stated');
    expect(dateOrNotStated({}, 'en', '  ')).toBe('date not stated');
  });
});
