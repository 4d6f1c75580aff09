/**
 * The all-deals timeline: groups by year, then month, as far as each date is known.
 * Newest first. A date with a month but no year goes into a "year not stated" group after
 * the dated years (it cannot be placed among them); a year without a month goes last in
 * its year; items with no date at all are kept apart in `undated`.
 */
import type { PartialDate } from '../pack/types';
import { compareDatesDesc } from '../store/deal-queries';
import { hasDate } from './deal-dates';

export interface TimelineMonth<T> {
  /** Undefined: the month is not stated. */
  month?: number;
  items: T[];
}

export interface TimelineYear<T> {
  /** Undefined: the year is not stated (but the month is). */
  year?: number;
  months: TimelineMonth<T>[];
}

export interface Timeline<T> {
  years: TimelineYear<T>[];
  undated: T[];
}

/** Known values first, largest first; unknown last. */
function descUnknownLast(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return b - a;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function buildTimeline<T>(items: readonly T[], dateOf: (item: T) => PartialDate | undefined, tieBreak: (a: T, b: T) => number = () => 0): Timeline<T> {
  const dated = items.filter((item) => hasDate(dateOf(item)));
  const undated = items.filter((item) => !dated.includes(item)).sort(tieBreak);
  const years = [...groupBy(dated, (item) => dateOf(item)?.year)]
    .sort(([a], [b]) => descUnknownLast(a, b))
    .map(([year, inYear]): TimelineYear<T> => ({
      ...(year === undefined ? {} : { year }),
      months: [...groupBy(inYear, (item) => dateOf(item)?.month)]
        .sort(([a], [b]) => descUnknownLast(a, b))
        .map(([month, inMonth]) => ({
          ...(month === undefined ? {} : { month }),
          items: [...inMonth].sort((a, b) => compareDatesDesc(dateOf(a), dateOf(b)) || tieBreak(a, b)),
        })),
    }));
  return { years, undated };
}
