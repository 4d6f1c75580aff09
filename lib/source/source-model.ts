/**
 * The source page's content, worked out from the store's SourceView: the document cut into
 * paragraphs with the chosen passage highlighted, and everything the pack draws from the
 * document, each with the passage to highlight for it. Pure.
 */
import { dealKindLabel, dealStatusLabel, typeLabel } from '../card/card-model';
import { formatPartialDate } from '../card/format-date';
import { formatFigure } from '../card/format-figure';
import { t } from '../i18n';
import type { SourceView } from '../store/views';
import { findQuote, segmentParagraphs, type Segment } from './find-quote';

export interface DrawnItem {
  key: string;
  /** What the pack says. */
  text: string;
  /** Smaller second line: type, kind and status, figure. */
  detail?: string;
  /** The passage that backs it (for entities: their name as the text writes it). */
  quote: string;
  /** Whether `quote` occurs in this document (else there is nothing to highlight). */
  found: boolean;
}

export interface DrawnGroup {
  id: 'entities' | 'roles' | 'facts' | 'deals';
  label: string;
  items: DrawnItem[];
}

export interface SourceModel {
  title: string;
  /** "INP · via Gwadar Pro · ISLAMABAD · 20 January 2025" */
  meta: string;
  paragraphs: Segment[][];
  /** The quote asked for: undefined when none was, else whether it was found. */
  quoteFound?: boolean;
  groups: DrawnGroup[];
}

export function sourceModel(view: SourceView, quote: string | undefined, locale = 'en'): SourceModel {
  const { source } = view;
  const spans = quote ? findQuote(source.text, quote) : [];
  const date = formatPartialDate(source.date, locale, source.dateText) ?? t('dateNotStated');
  const meta = [source.outlet, ...(source.via ?? []).map((v) => t('sourceVia', v)), source.dateline, date].filter((p): p is string => !!p).join(' · ');
  const item = (key: string, text: string, q: string, detail?: string): DrawnItem => ({
    key,
    text,
    quote: q,
    found: findQuote(source.text, q).length > 0,
    ...(detail !== undefined ? { detail } : {}),
  });
  const groups: DrawnGroup[] = [
    { id: 'entities', label: t('drawnEntities'), items: view.entities.map((e) => item(`entity:${e.id}`, e.name, e.name, typeLabel(e.type))) },
    {
      id: 'roles',
      label: t('drawnRoles'),
      items: view.roles.map((r) => item(`role:${r.id}`, t('drawnRole', r.person?.name ?? r.personId, r.org ? t('roleAt', r.title, r.org.name) : r.title), r.quote)),
    },
    { id: 'facts', label: t('drawnFacts'), items: view.facts.map((f) => item(`fact:${f.id}`, f.text, f.quote, f.figure ? formatFigure(f.figure, locale).text : undefined)) },
    {
      id: 'deals',
      label: t('drawnDeals'),
      items: view.deals.flatMap((d) =>
        [d, ...(d.citations ?? [])]
          .filter((c) => c.sourceId === source.id)
          .map((c, k) => item(`deal:${d.id}:${k}`, d.title, c.quote, `${dealKindLabel(d.kind)} · ${dealStatusLabel(d.status)}`)),
      ),
    },
  ].filter((g) => g.items.length > 0) as DrawnGroup[];
  return {
    title: source.title,
    meta,
    paragraphs: segmentParagraphs(source.text, spans),
    ...(quote ? { quoteFound: spans.length > 0 } : {}),
    groups,
  };
}

/** `?src=<id>&pack=<packId>&q=<quote>`, as lib/background/open-source.ts writes it. */
export interface SourceParams {
  sourceId: string | undefined;
  packId: string | undefined;
  quote: string | undefined;
}

export function readSourceParams(search: string): SourceParams {
  const params = new URLSearchParams(search);
  const value = (name: string) => params.get(name)?.trim() || undefined;
  return { sourceId: value('src'), packId: value('pack'), quote: params.get('q') ?? undefined };
}

export function sourceSearch(params: SourceParams): string {
  const out = new URLSearchParams();
  if (params.sourceId !== undefined) out.set('src', params.sourceId);
  if (params.packId !== undefined) out.set('pack', params.packId);
  if (params.quote !== undefined) out.set('q', params.quote);
  return `?${out.toString()}`;
}
