/**
 * Filtering deals in the panel: by kind, status, party (any party or participant),
 * country (of any party, participant or the place) and free text. Pure.
 */
import type { DealKind, DealStatus } from '../pack/types';
import { DEAL_KINDS, DEAL_STATUSES } from '../pack/types';
import type { DealView, EntitySummary } from '../store';
import type { DealEntity } from './types';

export interface DealFilter {
  kind?: DealKind;
  status?: DealStatus;
  /** Entity id. */
  party?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  text?: string;
}

export interface FilterOptions {
  kinds: DealKind[];
  statuses: DealStatus[];
  parties: EntitySummary[];
  countries: string[];
}

function participantIds(deal: DealView): string[] {
  return [...deal.parties, ...(deal.involved ?? [])];
}

function countriesOf(deal: DealView, entities: ReadonlyMap<string, DealEntity>): string[] {
  const ids = [...participantIds(deal), ...(deal.place === undefined ? [] : [deal.place])];
  return [...new Set(ids.flatMap((id) => entities.get(id)?.country ?? []))];
}

/** Lower case without accents, so "sialkot" finds "Sialkot" and "cafe" finds "café". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function searchableText(deal: DealView): string {
  const names = [...deal.partyEntities, ...deal.involvedEntities, ...(deal.placeEntity ? [deal.placeEntity] : [])].map((e) => e.name);
  return foldText([deal.title, deal.summary, deal.place ?? '', ...names].join('\n'));
}

export function matchesFilter(deal: DealView, filter: DealFilter, entities: ReadonlyMap<string, DealEntity>): boolean {
  if (filter.kind !== undefined && deal.kind !== filter.kind) return false;
  if (filter.status !== undefined && deal.status !== filter.status) return false;
  if (filter.party !== undefined && !participantIds(deal).includes(filter.party)) return false;
  if (filter.country !== undefined && !countriesOf(deal, entities).includes(filter.country)) return false;
  const words = foldText(filter.text ?? '').split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const text = searchableText(deal);
    if (!words.every((word) => text.includes(word))) return false;
  }
  return true;
}

/** The choices the filters offer: only values some deal has, in a stable order. */
export function filterOptions(deals: readonly DealView[], entities: ReadonlyMap<string, DealEntity>): FilterOptions {
  const kinds = DEAL_KINDS.filter((kind) => deals.some((d) => d.kind === kind));
  const statuses = DEAL_STATUSES.filter((status) => deals.some((d) => d.status === status));
  const parties = new Map<string, EntitySummary>();
  for (const deal of deals) for (const entity of [...deal.partyEntities, ...deal.involvedEntities]) parties.set(entity.id, entity);
  const countries = [...new Set(deals.flatMap((d) => countriesOf(d, entities)))].sort();
  return { kinds, statuses, parties: [...parties.values()].sort((a, b) => a.name.localeCompare(b.name)), countries };
}

/** Drops choices that no longer exist (the pack changed under the filter). */
export function validFilter(filter: DealFilter, options: FilterOptions): DealFilter {
  const next: DealFilter = { ...filter };
  if (next.kind !== undefined && !options.kinds.includes(next.kind)) delete next.kind;
  if (next.status !== undefined && !options.statuses.includes(next.status)) delete next.status;
  if (next.party !== undefined && !options.parties.some((p) => p.id === next.party)) delete next.party;
  if (next.country !== undefined && !options.countries.includes(next.country)) delete next.country;
  return next;
}
