/**
 * What the search index holds: one row per entity, deal, fact and source of the enabled
 * packs, with the text to search split by how much a match there should count. Built
 * from plain records so the same code serves the background (rows read from the store,
 * store-rows.ts) and a Node benchmark (rows from a pack object, searchRowsFromPacks).
 */
import type { Deal, Entity, EntityType, Fact, FactPack, Figure, Role, SourceDoc } from '../pack/types';

export type SearchKind = EntityType | 'deal' | 'fact' | 'source';
export const SEARCH_KINDS: readonly SearchKind[] = ['person', 'organisation', 'deal', 'fact', 'source', 'place', 'initiative', 'outlet'];

export interface SearchRow {
  /** Unique in the index: kind prefix + id (sources also carry their pack: their ids are per pack). */
  id: string;
  kind: SearchKind;
  /** The entity, deal, fact or source id. */
  refId: string;
  packId: string;
  /** First line of a result. */
  title: string;
  /** Second line: a role, a description, the entities a fact is about, an outlet and date. */
  subtitle?: string;
  /** Other names (aliases) an entity is known by, shown when the match was on one of them. */
  aliases?: string[];
  /** For facts and deals: the source that backs them (with packId, for the popup's detail view). */
  sourceId?: string;
  // Searched fields, strongest first.
  names: string;
  roles?: string;
  text?: string;
  body?: string;
}

type InPack<T> = T & { packId: string };

/** Records of the enabled packs, highest-priority pack first (lib/store/pack-order.ts). */
export interface SearchRecords {
  entities: ReadonlyArray<InPack<Entity>>;
  roles: ReadonlyArray<InPack<Role>>;
  facts: ReadonlyArray<InPack<Fact>>;
  deals: ReadonlyArray<InPack<Deal>>;
  sources: ReadonlyArray<InPack<SourceDoc>>;
}

const SUBTITLE_MAX = 160;
const FACT_TITLE_MAX = 240;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** The first sentence, clipped: enough to tell two results apart. */
function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return clip(end > 0 ? text.slice(0, end + 1) : text, SUBTITLE_MAX);
}

const UNIT_WORDS: Record<string, string> = { USD: 'USD dollars US$', CNY: 'CNY yuan renminbi RMB', PKR: 'PKR rupees', percent: 'percent %' };

function compact(value: number): string {
  const scales: Array<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  for (const [scale, word] of scales) {
    if (Math.abs(value) >= scale) return `${Number((value / scale).toFixed(2))} ${word}`;
  }
  return '';
}

/** A figure as words a reader might type: "600000000 600 million USD dollars exports 2023". */
export function figureText(figure: Figure): string {
  const parts = [String(figure.value), compact(figure.value), UNIT_WORDS[figure.unit] ?? figure.unit, figure.measure, figure.qualifier, figure.period];
  if (figure.change) parts.push(String(figure.change.value), UNIT_WORDS[figure.change.unit] ?? figure.change.unit, figure.change.basis);
  return parts.filter(Boolean).join(' ');
}

function firstPerId<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
}

function join(parts: ReadonlyArray<string | undefined>): string {
  return parts.filter(Boolean).join('\n');
}

function entityRows(records: SearchRecords, names: Map<string, string>): SearchRow[] {
  const titles = new Map<string, string[]>();
  const roleTexts = new Map<string, string[]>();
  for (const role of firstPerId(records.roles)) {
    const org = role.orgId === undefined ? undefined : names.get(role.orgId);
    titles.set(role.personId, [...(titles.get(role.personId) ?? []), role.title]);
    roleTexts.set(role.personId, [...(roleTexts.get(role.personId) ?? []), role.title, org ?? '']);
  }
  // The same entity id in two packs is one entity: names united, the first pack's words shown.
  const aliases = new Map<string, string[]>();
  for (const entity of records.entities) aliases.set(entity.id, [...(aliases.get(entity.id) ?? []), ...entity.aliases.map((a) => a.text)]);
  return firstPerId(records.entities).map((entity) => {
    const otherNames = [...new Set(aliases.get(entity.id) ?? [])].filter((text) => text !== entity.name);
    const roleTitles = [...new Set(titles.get(entity.id) ?? [])];
    const row: SearchRow = {
      id: `e:${entity.id}`,
      kind: entity.type,
      refId: entity.id,
      packId: entity.packId,
      title: entity.name,
      names: join([entity.name, ...otherNames]),
      text: join([entity.description, entity.country]),
    };
    const subtitle = roleTitles.length > 0 ? clip(roleTitles.join('; '), SUBTITLE_MAX) : firstSentence(entity.description);
    if (subtitle) row.subtitle = subtitle;
    if (otherNames.length > 0) row.aliases = otherNames;
    const roles = roleTexts.get(entity.id);
    if (roles) row.roles = join(roles);
    return row;
  });
}

function dealRow(deal: InPack<Deal>, names: Map<string, string>): SearchRow {
  const people = [...deal.parties, ...(deal.involved ?? [])].map((id) => names.get(id));
  return {
    id: `d:${deal.id}`,
    kind: 'deal',
    refId: deal.id,
    packId: deal.packId,
    title: deal.title,
    subtitle: firstSentence(deal.summary),
    sourceId: deal.sourceId,
    names: deal.title,
    roles: join(people),
    text: join([deal.kind.replace(/-/g, ' '), deal.status, deal.summary, deal.quote, ...(deal.citations ?? []).map((c) => c.quote), deal.place && (names.get(deal.place) ?? deal.place)]),
  };
}

function factRow(fact: InPack<Fact>, names: Map<string, string>): SearchRow {
  const about = fact.entityIds.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
  const row: SearchRow = {
    id: `f:${fact.id}`,
    kind: 'fact',
    refId: fact.id,
    packId: fact.packId,
    title: clip(fact.text, FACT_TITLE_MAX),
    sourceId: fact.sourceId,
    names: '',
    text: join([fact.text, fact.quote, fact.figure && figureText(fact.figure)]),
  };
  if (about.length > 0) row.subtitle = clip(about.join(', '), SUBTITLE_MAX);
  return row;
}

function sourceRow(source: InPack<SourceDoc>): SearchRow {
  const subtitle = [source.outlet, source.dateText].filter(Boolean).join(' · ');
  const row: SearchRow = {
    id: `s:${source.packId}:${source.id}`,
    kind: 'source',
    refId: source.id,
    packId: source.packId,
    title: source.title,
    names: source.title,
    text: join([source.outlet, ...(source.via ?? []), source.dateline, source.dateText]),
    body: source.text,
  };
  if (subtitle) row.subtitle = subtitle;
  return row;
}

/** Every searchable row of `records`: one per entity, deal and fact id, one per source of each pack. */
export function searchRows(records: SearchRecords): SearchRow[] {
  const names = new Map<string, string>();
  for (const entity of firstPerId(records.entities)) names.set(entity.id, entity.name);
  const seenSources = new Set<string>();
  return [
    ...entityRows(records, names),
    ...firstPerId(records.deals).map((deal) => dealRow(deal, names)),
    ...firstPerId(records.facts).map((fact) => factRow(fact, names)),
    ...records.sources.filter((s) => !seenSources.has(`${s.packId}\u0000${s.id}`) && Boolean(seenSources.add(`${s.packId}\u0000${s.id}`))).map(sourceRow),
  ];
}

/** Rows straight from pack objects (highest priority first): for tests and the Node benchmark. */
export function searchRowsFromPacks(packs: readonly FactPack[]): SearchRow[] {
  const tag = <T extends object>(packId: string, list: readonly T[]) => list.map((item) => ({ ...item, packId }));
  return searchRows({
    entities: packs.flatMap((p) => tag(p.id, p.entities)),
    roles: packs.flatMap((p) => tag(p.id, p.roles)),
    facts: packs.flatMap((p) => tag(p.id, p.facts)),
    deals: packs.flatMap((p) => tag(p.id, p.deals)),
    sources: packs.flatMap((p) => tag(p.id, p.sources)),
  });
}
