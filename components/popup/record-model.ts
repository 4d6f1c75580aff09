/**
 * What the popup shows for a deal, a fact or a source found by the search, worked out
 * from the source they come from (getSource's SourceView) with the card's own helpers,
 * so a quote, an outlet and a date read the same here as in the card.
 */
import { dealKindLabel, dealStatusLabel, evidenceOf, type DealItem, type Evidence } from '../../lib/card/card-model';
import { dateOrNotStated } from '../../lib/card/format-date';
import { formatFigure, type FormattedFigure } from '../../lib/card/format-figure';
import { t } from '../../lib/i18n';
import type { EntitySummary, SourceSummary, SourceView } from '../../lib/store/views';

export interface FactItem {
  id: string;
  text: string;
  figure?: FormattedFigure;
  speaker?: EntitySummary;
  entityIds: string[];
  evidence: Evidence;
}

export interface SourceItemView {
  id: string;
  packId: string;
  title: string;
  /** "INP, 20 January 2025" or "…, date not stated". */
  line: string;
  entities: EntitySummary[];
}

function summaryOf(view: SourceView): SourceSummary {
  const { source } = view;
  return { id: source.id, packId: source.packId, title: source.title, ...(source.outlet ? { outlet: source.outlet } : {}), ...(source.date ? { date: source.date } : {}), ...(source.dateText ? { dateText: source.dateText } : {}) };
}

/** Only the viewed source is known here; a citation elsewhere names its source id. */
function sourcesOf(view: SourceView) {
  const summary = summaryOf(view);
  return (packId: string, sourceId: string) => (packId === summary.packId && sourceId === summary.id ? summary : undefined);
}

export function dealItem(view: SourceView, dealId: string, locale: string): DealItem | undefined {
  const deal = view.deals.find((d) => d.id === dealId);
  if (!deal) return undefined;
  const sources = sourcesOf(view);
  return {
    id: deal.id,
    title: deal.title,
    meta: t('dealMeta', dealKindLabel(deal.kind), dealStatusLabel(deal.status), dateOrNotStated(deal.date, locale)),
    summary: deal.summary,
    parties: deal.partyEntities,
    involved: deal.involvedEntities,
    evidence: [deal, ...(deal.citations ?? [])].map((c) => evidenceOf(c, deal.packId, sources, locale)),
  };
}

export function factItem(view: SourceView, factId: string, locale: string): FactItem | undefined {
  const fact = view.facts.find((f) => f.id === factId);
  if (!fact) return undefined;
  const item: FactItem = { id: fact.id, text: fact.text, entityIds: fact.entityIds, evidence: evidenceOf(fact, fact.packId, sourcesOf(view), locale) };
  if (fact.figure) item.figure = formatFigure(fact.figure, locale);
  if (fact.attributedEntity) item.speaker = fact.attributedEntity;
  return item;
}

export function sourceItem(view: SourceView, locale: string): SourceItemView {
  const { source } = view;
  return {
    id: source.id,
    packId: source.packId,
    title: source.title,
    line: t('sourceLine', source.outlet ?? source.title, dateOrNotStated(source.date, locale, source.dateText)),
    entities: view.entities,
  };
}
