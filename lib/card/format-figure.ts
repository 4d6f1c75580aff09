/**
 * Key figures written for reading: `{ value: 600000000, unit: 'USD', qualifier: 'over' }`
 * becomes "over US$600 million", a CNY figure with a year-on-year change becomes
 * "39.09 billion yuan, +6.1% year on year". Pure: the locale is a parameter (numbers come
 * from Intl, words from `t()`), so the same figure reads the same in the card, the side
 * panel and tests.
 */
import { t, type MessageKey } from '../i18n';
import type { Figure } from '../pack/types';

export interface FormattedFigure {
  /** The amount with its unit and qualifier: "over US$600 million". */
  amount: string;
  /** "+6.1% year on year", when the figure carries a change. */
  change?: string;
  /** The period as the source gives it ("January to May 2023"), unchanged. */
  period?: string;
  /** What the number counts, from the pack. */
  measure: string;
  /** amount and change together, as one phrase. */
  text: string;
}

/**
 * Currency symbols are symbols, not words, so they live here rather than in the message
 * catalogue ("US$" rather than "$", which would be ambiguous beside PKR and CNY). Currencies
 * a reader names in words (yuan) go through `t()` in UNIT_MESSAGES instead.
 */
const CURRENCY_PREFIX: Readonly<Record<string, string>> = { USD: 'US$', EUR: '€', GBP: '£', JPY: 'JP¥' };

const UNIT_MESSAGES: Readonly<Record<string, MessageKey>> = {
  CNY: 'figureYuan',
  PKR: 'figureRupees',
  units: 'figureUnits',
  instruments: 'figureInstruments',
  years: 'figureYears',
};

const QUALIFIER_MESSAGES: Readonly<Record<NonNullable<Figure['qualifier']>, MessageKey>> = {
  over: 'figureOver',
  'more than': 'figureMoreThan',
  about: 'figureAbout',
  'up to': 'figureUpTo',
  'at least': 'figureAtLeast',
};

/** Below a million, digits read better than words ("25,000", not "25 thousand"). */
const WORDS_FROM = 1_000_000;

export function formatNumber(value: number, locale: string): string {
  const words = Math.abs(value) >= WORDS_FROM;
  return new Intl.NumberFormat(locale, words ? { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 } : { maximumFractionDigits: 2 }).format(value);
}

function formatPercent(value: number, locale: string, signed = false): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2, ...(signed ? { signDisplay: 'exceptZero' as const } : {}) }).format(value / 100);
}

/** The number with its unit, before any qualifier. */
function withUnit(figure: Figure, locale: string): string {
  const { value, unit, qualifier } = figure;
  if (unit === 'percent') return formatPercent(value, locale);
  // A rank "up to 5" is a place among the top five.
  if (unit === 'rank') return qualifier === 'up to' ? t('figureRankTop', formatNumber(value, locale)) : t('figureRank', formatNumber(value, locale));
  const number = formatNumber(value, locale);
  const prefix = CURRENCY_PREFIX[unit];
  if (prefix !== undefined) return `${prefix}${number}`;
  const key = UNIT_MESSAGES[unit];
  return key ? t(key, number) : `${number} ${unit}`;
}

function formatChange(change: NonNullable<Figure['change']>, locale: string): string {
  const amount =
    change.unit === 'percent'
      ? formatPercent(change.value, locale, true)
      : `${change.value > 0 ? '+' : ''}${formatNumber(change.value, locale)} ${change.unit}`;
  return t('figureChange', amount, change.basis);
}

export function formatFigure(figure: Figure, locale = 'en'): FormattedFigure {
  const bare = withUnit(figure, locale);
  const ranked = figure.unit === 'rank' && figure.qualifier === 'up to';
  const amount = figure.qualifier && !ranked ? t(QUALIFIER_MESSAGES[figure.qualifier], bare) : bare;
  const out: FormattedFigure = { amount, measure: figure.measure, text: amount };
  if (figure.change) {
    out.change = formatChange(figure.change, locale);
    out.text = t('figureWithChange', amount, out.change);
  }
  if (figure.period !== undefined) out.period = figure.period;
  return out;
}
