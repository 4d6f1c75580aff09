/**
 * Deal dates as far as the sources tell them (lib/card/format-date.ts writes them; a
 * missing year is never filled in).
 *
 * Few deals state when they happen; many are reported in a dated story. When the deal has
 * no date of its own, the date of the source reporting it stands in, marked as such
 * (`basis: 'reported'`), so the timeline can place it without claiming more than it knows.
 */
import type { PartialDate } from '../pack/types';
import type { SourceSummary } from '../store';

export interface DealWhen {
  date: PartialDate;
  basis: 'deal' | 'reported';
  /** For `reported`: the source that gives the date. */
  source?: SourceSummary;
}

interface Dated {
  date?: PartialDate;
  packId: string;
  sourceId: string;
}

/** A year or a month: a day alone places nothing. */
export function hasDate(date: PartialDate | undefined): date is PartialDate {
  return date !== undefined && (date.year !== undefined || date.month !== undefined);
}

export function dealWhen(deal: Dated, sourceOf: (packId: string, id: string) => SourceSummary | undefined): DealWhen | undefined {
  if (hasDate(deal.date)) return { date: deal.date, basis: 'deal' };
  const source = sourceOf(deal.packId, deal.sourceId);
  return source && hasDate(source.date) ? { date: source.date, basis: 'reported', source } : undefined;
}
