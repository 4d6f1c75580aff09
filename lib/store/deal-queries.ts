/** Deals with their parties looked up, newest first. */
import type { PartialDate } from '../pack/types';
import type { DealRow, FactmarkDB } from './db';
import { entitySummaries } from './entity-queries';
import { enabledPackIds, firstPerKey, inPackOrder } from './pack-order';
import type { DealView, EntitySummary } from './views';

/** Newest first; a missing part sorts before any known one (an undated deal goes last). */
export function compareDatesDesc(a: PartialDate | undefined, b: PartialDate | undefined): number {
  return (b?.year ?? 0) - (a?.year ?? 0) || (b?.month ?? 0) - (a?.month ?? 0) || (b?.day ?? 0) - (a?.day ?? 0);
}

function pick(ids: readonly string[] | undefined, known: Map<string, EntitySummary>): EntitySummary[] {
  return (ids ?? []).flatMap((id) => {
    const entity = known.get(id);
    return entity ? [entity] : [];
  });
}

/** Turns deal rows (any order, any pack) into views: enabled packs only, one per id, newest first. */
export async function dealViews(db: FactmarkDB, rows: readonly DealRow[], packIds: readonly string[]): Promise<DealView[]> {
  const deals = firstPerKey(inPackOrder(rows, packIds), (d) => d.id);
  const ids = deals.flatMap((d) => [...d.parties, ...(d.involved ?? []), ...(d.place ? [d.place] : [])]);
  const known = await entitySummaries(db, ids, packIds);
  return deals
    .map(({ sourceIds: _indexOnly, ...deal }) => {
      const view: DealView = { ...deal, partyEntities: pick(deal.parties, known), involvedEntities: pick(deal.involved, known) };
      const place = deal.place === undefined ? undefined : known.get(deal.place);
      if (place) view.placeEntity = place;
      return view;
    })
    .sort((a, b) => compareDatesDesc(a.date, b.date) || a.title.localeCompare(b.title));
}

export interface DealsByPartyOptions {
  /** Also deals where an entity is only involved (speaker, host…). Default true. */
  includeInvolved?: boolean;
}

/** Deals in which any of `entityIds` is a party (or, by default, involved). */
export async function dealsByParty(db: FactmarkDB, entityIds: readonly string[], options: DealsByPartyOptions = {}): Promise<DealView[]> {
  const ids = [...new Set(entityIds)];
  if (ids.length === 0) return [];
  const packIds = await enabledPackIds(db);
  const rows = await db.deals.where('parties').anyOf(ids).toArray();
  if (options.includeInvolved ?? true) rows.push(...(await db.deals.where('involved').anyOf(ids).toArray()));
  return dealViews(db, rows, packIds);
}

export async function allDeals(db: FactmarkDB): Promise<DealView[]> {
  const packIds = await enabledPackIds(db);
  if (packIds.length === 0) return [];
  return dealViews(db, await db.deals.where('packId').anyOf(packIds).toArray(), packIds);
}
