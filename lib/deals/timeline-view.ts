/** The timeline with its headings written: years, months, and what is not stated. */
import { t } from '../i18n';
import type { Timeline } from './timeline';

export interface LabelledGroup<T> {
  key: string;
  label: string;
  items: T[];
}

export interface LabelledYear<T> {
  key: string;
  label: string;
  months: LabelledGroup<T>[];
}

export interface LabelledTimeline<T> {
  years: LabelledYear<T>[];
  undated: T[];
}

function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

export function labelTimeline<T>(timeline: Timeline<T>, locale: string): LabelledTimeline<T> {
  return {
    years: timeline.years.map((year) => ({
      key: String(year.year ?? 'unknown'),
      label: year.year === undefined ? t('sidePanelYearNotStated') : String(year.year),
      months: year.months.map((month) => ({
        key: String(month.month ?? 'unknown'),
        label: month.month === undefined ? t('sidePanelMonthNotStated') : monthName(month.month, locale),
        items: month.items,
      })),
    })),
    undated: timeline.undated,
  };
}

/** "Pakistan" for "PK", in the reader's language; the code itself if Intl does not know it. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
