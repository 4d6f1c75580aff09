/**
 * The background's side of the panel: one query that gathers a DealBundle. Deals come
 * from lib/store's queries (enabled packs, one per id); this adds what the panel shows
 * beside them.
 */
import type { DealView } from '../store';
import type { FactmarkDB } from '../store/db';
import { allDeals, dealsByParty } from '../store/deal-queries';
import { enabledPackIds, firstPerKey, inPackOrder } from '../store/pack-order';
import { factViews } from '../store/record-views';
import { sourceSummaries } from '../store/source-queries';
import type { DealBundle, DealEntity } from './types';

/** Entities with their country and organisations (roles first, then memberOf). */
export async function dealEntities(db: FactmarkDB, ids: Iterable<string>, packIds: readonly string[]): Promise<DealEntity[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const [rows, roles] = await Promise.all([db.entities.where('id').anyOf(wanted).toArray(), db.roles.where('personId').anyOf(wanted).toArray()]);
  const orgsOf = new Map<string, string[]>();
  const addOrg = (personId: string, orgId: string) => {
    const list = orgsOf.get(personId) ?? [];
    if (!list.includes(orgId)) list.push(orgId);
    orgsOf.set(personId, list);
  };
  for (const role of inPackOrder(roles, packIds)) if (role.orgId !== undefined) addOrg(role.personId, role.orgId);
  const entities = firstPerKey(inPackOrder(rows, packIds), (e) => e.id);
  for (const entity of entities) for (const orgId of entity.memberOf ?? []) addOrg(entity.id, orgId);
  return entities.map((e) => {
    const view: DealEntity = { id: e.id, packId: e.packId, name: e.name, type: e.type, organisations: orgsOf.get(e.id) ?? [] };
    if (e.country !== undefined) view.country = e.country;
    return view;
  });
}

function participants(deal: DealView): string[] {
  return [...deal.parties, ...(deal.involved ?? []), ...(deal.place === undefined ? [] : [deal.place])];
}

async function bundleFor(db: FactmarkDB, deals: DealView[], asked: readonly string[], known: readonly DealEntity[], packIds: readonly string[]): Promise<DealBundle> {
  const factIds = [...new Set(deals.flatMap((d) => d.factIds ?? []))];
  // Fact ids share one namespace across packs (lib/store/README.md): try every enabled pack.
  const factRows = (await db.facts.bulkGet(packIds.flatMap((packId) => factIds.map((id): [string, string] => [packId, id])))).flatMap((row) => (row ? [row] : []));
  const refs = deals.flatMap((d) => [d.sourceId, ...(d.citations ?? []).map((c) => c.sourceId)].map((id): [string, string] => [d.packId, id]));
  const have = new Set(known.map((e) => e.id));
  const more = await dealEntities(db, [...asked, ...deals.flatMap(participants)].filter((id) => !have.has(id)), packIds);
  const [facts, sources] = await Promise.all([factViews(db, factRows, packIds), sourceSummaries(db, refs)]);
  return { deals, facts, sources, entities: [...known, ...more] };
}

/**
 * Without `entityIds`: every deal of the enabled packs. With them: the deals in which any
 * of them, or the organisation of any person among them, is a party or involved. Ranking
 * is the panel's job (rank-deals.ts); deals come newest first.
 */
export async function dealBundle(db: FactmarkDB, entityIds?: readonly string[]): Promise<DealBundle> {
  const packIds = await enabledPackIds(db);
  if (packIds.length === 0) return { deals: [], facts: [], sources: [], entities: [] };
  if (entityIds === undefined) return bundleFor(db, await allDeals(db), [], [], packIds);
  const asked = await dealEntities(db, entityIds, packIds);
  const organisations = asked.flatMap((e) => e.organisations);
  const deals = await dealsByParty(db, [...entityIds, ...organisations]);
  return bundleFor(db, deals, [...entityIds, ...organisations], asked, packIds);
}
