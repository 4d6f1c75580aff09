/**
 * Dates as far as the source tells them. A PartialDate may lack its year ("Sep 22" in an
 * APP dateline): we write "22 September (year not stated)" and never fill a year in. Only
 * when there is nothing structured do we fall back to the text's own wording, and with no
 * date at all the caller says "date not stated".
 */
import { t } from '../i18n';
import type { PartialDate } from '../pack/types';

// Any leap year: lets 29 February be written when the year is unknown. Never shown.
const PLACEHOLDER_YEAR = 2000;

function valid(d: PartialDate): boolean {
  const inRange = (v: number | undefined, lo: number, hi: number) => v === undefined || (Number.isInteger(v) && v >= lo && v <= hi);
  return inRange(d.year, 1, 9999) && inRange(d.month, 1, 12) && inRange(d.day, 1, 31) && (d.day === undefined || d.month !== undefined);
}

/** The date in words, or undefined when the source gives none. */
export function formatPartialDate(date: PartialDate | undefined, locale = 'en', dateText?: string): string | undefined {
  if (!date || !valid(date) || (date.year === undefined && date.month === undefined)) return dateText?.trim() || undefined;
  const { year, month, day } = date;
  const at = new Date(Date.UTC(year ?? PLACEHOLDER_YEAR, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC' };
  if (year !== undefined) options.year = 'numeric';
  if (month !== undefined) options.month = 'long';
  if (day !== undefined) options.day = 'numeric';
  const written = new Intl.DateTimeFormat(locale, options).format(at);
  return year === undefined ? t('dateYearNotStated', written) : written;
}

/** For citations and evidence lines: always a phrase, "date not stated" at worst. */
export function dateOrNotStated(date: PartialDate | undefined, locale = 'en', dateText?: string): string {
  return formatPartialDate(date, locale, dateText) ?? t('dateNotStated');
}
