/**
 * What the card shows, worked out from the store's EntityCard: pure, so the components
 * only render and tests can read the card as data. Every statement carries its Evidence
 * (verbatim quote, outlet, date as far as the source gives it); nothing here invents what
 * the pack does not say.
 */
import { t, type MessageKey } from '../i18n';
import type { Citation, DealKind, DealStatus, EntityType } from '../pack/types';
import type { EntityCard, EntitySummary, FactView, Relation, RoleView, SourceSummary } from '../store/views';
import { dateOrNotStated } from './format-date';
import { formatFigure, type FormattedFigure } from './format-figure';

export interface Evidence {
  quote: string;
  sourceId: string;
  packId: string;
  /** The outlet, or the document's title when the source names no outlet. */
  source: string;
  /** "20 January 2025", "22 September (year not stated)" or "date not stated". */
  date: string;
  /** quote — outlet, date: what "Copy citation" puts on the clipboard. */
  citation: string;
}

export interface RoleItem {
  id: string;
  text: string;
  evidence: Evidence;
}

export interface FigureItem {
  id: string;
  figure: FormattedFigure;
  speaker?: EntitySummary;
  evidence: Evidence;
}

export interface StatementItem {
  id: string;
  text: string;
  speaker?: EntitySummary;
  evidence: Evidence;
}

export interface DealItem {
  id: string;
  title: string;
  /** "Joint laboratory · signed · date not stated" */
  meta: string;
  summary: string;
  parties: EntitySummary[];
  involved: EntitySummary[];
  evidence: Evidence[];
}

export interface RelatedGroup {
  relation: Relation;
  label: string;
  entities: EntitySummary[];
}

export interface SourceItem {
  id: string;
  packId: string;
  title: string;
  /** "INP, 20 January 2025" */
  line: string;
}

export interface CardModel {
  id: string;
  name: string;
  type: EntityType;
  typeLabel: string;
  /** One line: who this is as of the source's date, else the pack's description. */
  identity: string;
  /** The proof of `identity` when it comes from a role (a description has none). */
  identityEvidence?: Evidence;
  /** Every role the sources give, the identity's first. */
  roles: RoleItem[];
  description: string;
  figures: FigureItem[];
  statements: StatementItem[];
  deals: DealItem[];
  related: RelatedGroup[];
  sources: SourceItem[];
}

const DEAL_KIND_LABELS: Readonly<Record<DealKind, MessageKey>> = {
  agreement: 'dealKind_agreement',
  'joint-laboratory': 'dealKind_joint_laboratory',
  'joint-centre': 'dealKind_joint_centre',
  'matchmaking-event': 'dealKind_matchmaking_event',
  'industry-park': 'dealKind_industry_park',
  'joint-venture-proposal': 'dealKind_joint_venture_proposal',
  event: 'dealKind_event',
  'mechanism-proposal': 'dealKind_mechanism_proposal',
};

const DEAL_STATUS_LABELS: Readonly<Record<DealStatus, MessageKey>> = {
  signed: 'dealStatus_signed',
  planned: 'dealStatus_planned',
  proposed: 'dealStatus_proposed',
  held: 'dealStatus_held',
};

const RELATION_LABELS: Readonly<Record<Relation, MessageKey>> = {
  organisation: 'relation_organisation',
  member: 'relation_member',
  colleague: 'relation_colleague',
  'deal-partner': 'relation_deal_partner',
};

const RELATION_ORDER: readonly Relation[] = ['organisation', 'member', 'colleague', 'deal-partner'];

export function dealKindLabel(kind: DealKind): string {
  return t(DEAL_KIND_LABELS[kind]);
}

export function dealStatusLabel(status: DealStatus): string {
  return t(DEAL_STATUS_LABELS[status]);
}

export function typeLabel(type: EntityType): string {
  return t(`type_${type}`);
}

type SourceIndex = (packId: string, sourceId: string) => SourceSummary | undefined;

function indexSources(sources: readonly SourceSummary[]): SourceIndex {
  const byKey = new Map(sources.map((s) => [`${s.packId}\u0000${s.id}`, s]));
  return (packId, sourceId) => byKey.get(`${packId}\u0000${sourceId}`);
}

function sourceName(source: SourceSummary | undefined, sourceId: string): string {
  return source?.outlet ?? source?.title ?? sourceId;
}

export function evidenceOf(citation: Citation, packId: string, sources: SourceIndex, locale: string): Evidence {
  const source = sources(packId, citation.sourceId);
  const name = sourceName(source, citation.sourceId);
  const date = dateOrNotStated(source?.date, locale, source?.dateText);
  return { quote: citation.quote, sourceId: citation.sourceId, packId, source: name, date, citation: t('citation', citation.quote, name, date) };
}

function roleText(role: RoleView): string {
  return role.org ? t('roleAt', role.title, role.org.name) : role.title;
}

/** The first sentence of a description: enough for one line. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/u.exec(text.trim());
  return (match?.[1] ?? text).trim();
}

function identityOf(card: EntityCard, roles: readonly RoleItem[]): string {
  if (roles.length === 0) return firstSentence(card.entity.description);
  const first = roles[0]!;
  return t('identityAsOf', first.text, first.evidence.date);
}

function figureAndStatements(facts: readonly FactView[], sources: SourceIndex, locale: string): { figures: FigureItem[]; statements: StatementItem[] } {
  const figures: FigureItem[] = [];
  const statements: StatementItem[] = [];
  for (const fact of facts) {
    const evidence = evidenceOf(fact, fact.packId, sources, locale);
    const speaker = fact.attributedEntity;
    if (fact.figure) figures.push({ id: fact.id, figure: formatFigure(fact.figure, locale), evidence, ...(speaker ? { speaker } : {}) });
    else statements.push({ id: fact.id, text: fact.text, evidence, ...(speaker ? { speaker } : {}) });
  }
  return { figures, statements };
}

function relatedGroups(card: EntityCard): RelatedGroup[] {
  return RELATION_ORDER.flatMap((relation) => {
    const entities = card.related.filter((r) => r.relation === relation).map((r) => r.entity);
    return entities.length > 0 ? [{ relation, label: t(RELATION_LABELS[relation]), entities }] : [];
  });
}

export function cardModel(card: EntityCard, locale = 'en'): CardModel {
  const sources = indexSources(card.sources);
  const { entity } = card;
  const roles = card.roles
    .filter((r) => r.personId === entity.id)
    .map((r): RoleItem => ({ id: r.id, text: roleText(r), evidence: evidenceOf(r, r.packId, sources, locale) }));
  const { figures, statements } = figureAndStatements(card.facts, sources, locale);
  const deals = card.deals.map((deal): DealItem => {
    const date = dateOrNotStated(deal.date, locale);
    return {
      id: deal.id,
      title: deal.title,
      meta: t('dealMeta', dealKindLabel(deal.kind), dealStatusLabel(deal.status), date),
      summary: deal.summary,
      parties: deal.partyEntities,
      involved: deal.involvedEntities,
      evidence: [deal, ...(deal.citations ?? [])].map((c) => evidenceOf(c, deal.packId, sources, locale)),
    };
  });
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    typeLabel: typeLabel(entity.type),
    identity: identityOf(card, roles),
    ...(roles[0] ? { identityEvidence: roles[0].evidence } : {}),
    roles,
    description: entity.description,
    figures,
    statements,
    deals,
    related: relatedGroups(card),
    sources: card.sources.map((s) => ({ id: s.id, packId: s.packId, title: s.title, line: t('sourceLine', sourceName(s, s.id), dateOrNotStated(s.date, locale, s.dateText)) })),
  };
}
