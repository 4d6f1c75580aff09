/**
 * What the side panel shows for one deal, worked out from a DealBundle: pure, so the
 * components only render and tests read the panel as data. Labels, dates, figures and
 * citations are written by the card's helpers (lib/card), so a deal reads the same in the
 * card and in the panel.
 */
import { dealKindLabel, dealStatusLabel, evidenceOf, type Evidence } from '../card/card-model';
import { formatPartialDate } from '../card/format-date';
import { formatFigure, type FormattedFigure } from '../card/format-figure';
import { t } from '../i18n';
import type { DealStatus } from '../pack/types';
import type { DealView, EntitySummary, FactView, SourceSummary } from '../store';
import { dealWhen, type DealWhen } from './deal-dates';
import type { RankedDeal } from './rank-deals';
import type { DealBundle, DealEntity } from './types';

export interface PanelEntity {
  id: string;
  name: string;
  /** Marked on the page: the panel can take the reader there. */
  onPage: boolean;
  /** People on the page who act for this party (when it is reached through them). */
  via: Array<{ id: string; name: string }>;
}

export interface PanelFigure {
  id: string;
  figure: FormattedFigure;
  evidence: Evidence;
}

export interface PanelDeal {
  id: string;
  title: string;
  kind: string;
  status: string;
  /** The status itself, for styling. */
  statusValue: DealStatus;
  /** "20 January 2025", or "date not stated (reported 20 January 2025 by INP)", or "date not stated". */
  date: string;
  when?: DealWhen;
  place?: string;
  summary: string;
  parties: PanelEntity[];
  involved: PanelEntity[];
  figures: PanelFigure[];
  /** The deal's own citation first, then its further citations, then its figures' quotes. */
  evidence: Evidence[];
  /** How many entities of the page take part (0 outside a page's context). */
  onPageCount: number;
}

/** A bundle indexed for look-ups: entities and facts by id, sources by pack and id. */
export interface BundleIndex {
  entities: ReadonlyMap<string, DealEntity>;
  facts: ReadonlyMap<string, FactView>;
  sourceOf(packId: string, id: string): SourceSummary | undefined;
}

export function indexBundle(bundle: DealBundle): BundleIndex {
  const sources = new Map(bundle.sources.map((s) => [`${s.packId}\u0000${s.id}`, s]));
  return {
    entities: new Map(bundle.entities.map((e) => [e.id, e])),
    facts: new Map(bundle.facts.map((f) => [f.id, f])),
    sourceOf: (packId, id) => sources.get(`${packId}\u0000${id}`),
  };
}

function sourceName(source: SourceSummary | undefined): string {
  return source?.outlet ?? source?.title ?? '';
}

export function dealDateLabel(when: DealWhen | undefined, locale: string): string {
  if (!when) return t('dateNotStated');
  const date = formatPartialDate(when.date, locale) ?? t('dateNotStated');
  return when.basis === 'deal' ? date : t('dealDateReported', date, sourceName(when.source));
}

function panelEntities(summaries: readonly EntitySummary[], index: BundleIndex, ranked: RankedDeal | undefined): PanelEntity[] {
  const onPage = new Set(ranked?.onPage ?? []);
  return summaries.map((e) => ({
    id: e.id,
    name: e.name,
    onPage: onPage.has(e.id),
    via: (ranked?.through.get(e.id) ?? []).filter((id) => id !== e.id).map((id) => ({ id, name: index.entities.get(id)?.name ?? id })),
  }));
}

function uniqueEvidence(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.packId}\u0000${e.sourceId}\u0000${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function panelDeal(deal: DealView, index: BundleIndex, locale: string, ranked?: RankedDeal): PanelDeal {
  const when = dealWhen(deal, index.sourceOf);
  const figures = (deal.factIds ?? []).flatMap((id): PanelFigure[] => {
    const fact = index.facts.get(id);
    return fact?.figure ? [{ id: fact.id, figure: formatFigure(fact.figure, locale), evidence: evidenceOf(fact, fact.packId, index.sourceOf, locale) }] : [];
  });
  const place = deal.placeEntity?.name ?? deal.place;
  return {
    id: deal.id,
    title: deal.title,
    kind: dealKindLabel(deal.kind),
    status: dealStatusLabel(deal.status),
    statusValue: deal.status,
    date: dealDateLabel(when, locale),
    ...(when ? { when } : {}),
    ...(place === undefined ? {} : { place }),
    summary: deal.summary,
    parties: panelEntities(deal.partyEntities, index, ranked),
    involved: panelEntities(deal.involvedEntities, index, ranked),
    figures,
    evidence: uniqueEvidence([...[deal, ...(deal.citations ?? [])].map((c) => evidenceOf(c, deal.packId, index.sourceOf, locale)), ...figures.map((f) => f.evidence)]),
    onPageCount: ranked?.onPage.length ?? 0,
  };
}
