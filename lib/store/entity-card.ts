/** Everything the hover card and the side panel show about one entity, in one query. */
import type { FactmarkDB, RoleRow } from './db';
import { compareDatesDesc, dealViews } from './deal-queries';
import { entityById, entitySummaries } from './entity-queries';
import { enabledPackIds, firstPerKey, inPackOrder } from './pack-order';
import { factViews, roleViews } from './record-views';
import { sourceSummaries } from './source-queries';
import type { DealView, EntityCard, EntityView, FactView, Relation, RelatedEntity, RoleView } from './views';

type Links = Map<string, { relation: Relation; via: Set<string> }>;

/** Relations in order of strength: an entity already linked one way keeps that link. */
function link(links: Links, selfId: string, otherId: string, relation: Relation, via: string): void {
  if (otherId === selfId) return;
  const existing = links.get(otherId);
  if (!existing) links.set(otherId, { relation, via: new Set([via]) });
  else if (existing.relation === relation) existing.via.add(via);
}

async function peopleAt(db: FactmarkDB, orgIds: readonly string[], packIds: readonly string[]): Promise<Array<{ personId: string; orgId: string }>> {
  if (orgIds.length === 0) return [];
  const [roles, members] = await Promise.all([
    db.roles.where('orgId').anyOf(orgIds).toArray(),
    db.entities.where('memberOf').anyOf(orgIds).toArray(),
  ]);
  const fromRoles = inPackOrder(roles, packIds).flatMap((r) => (r.orgId ? [{ personId: r.personId, orgId: r.orgId }] : []));
  const fromMembers = inPackOrder(members, packIds).flatMap((e) => (e.memberOf ?? []).filter((o) => orgIds.includes(o)).map((orgId) => ({ personId: e.id, orgId })));
  return [...fromRoles, ...fromMembers];
}

async function relatedEntities(db: FactmarkDB, entity: EntityView, ownRoles: readonly RoleRow[], deals: readonly DealView[], packIds: readonly string[]): Promise<RelatedEntity[]> {
  const links: Links = new Map();
  const orgIds = [...new Set([...ownRoles.filter((r) => r.personId === entity.id).flatMap((r) => (r.orgId ? [r.orgId] : [])), ...(entity.memberOf ?? [])])];
  for (const orgId of orgIds) link(links, entity.id, orgId, 'organisation', orgId);
  for (const { personId } of await peopleAt(db, [entity.id], packIds)) link(links, entity.id, personId, 'member', entity.id);
  for (const { personId, orgId } of await peopleAt(db, orgIds, packIds)) link(links, entity.id, personId, 'colleague', orgId);
  for (const deal of deals) {
    for (const other of [...deal.parties, ...(deal.involved ?? [])]) link(links, entity.id, other, 'deal-partner', deal.id);
  }
  const known = await entitySummaries(db, links.keys(), packIds);
  return [...links].flatMap(([id, { relation, via }]) => {
    const summary = known.get(id);
    return summary ? [{ entity: summary, relation, via: [...via] }] : [];
  });
}

function sourceRefs(entity: EntityView, roles: readonly RoleView[], facts: readonly FactView[], deals: readonly DealView[]): Array<[string, string]> {
  return [
    ...entity.sources.map((id): [string, string] => [entity.packId, id]),
    ...[...roles, ...facts].map((r): [string, string] => [r.packId, r.sourceId]),
    ...deals.flatMap((d) => [d.sourceId, ...(d.citations ?? []).map((c) => c.sourceId)].map((id): [string, string] => [d.packId, id])),
  ];
}

/** The card for entity `id`, or undefined when no enabled pack has it. */
export async function entityCard(db: FactmarkDB, id: string): Promise<EntityCard | undefined> {
  const packIds = await enabledPackIds(db);
  const entity = await entityById(db, id, packIds);
  if (!entity) return undefined;
  const [asPerson, asOrg, factsAbout, factsBy, asParty, asInvolved] = await Promise.all([
    db.roles.where('personId').equals(id).toArray(),
    db.roles.where('orgId').equals(id).toArray(),
    db.facts.where('entityIds').equals(id).toArray(),
    db.facts.where('attributedTo').equals(id).toArray(),
    db.deals.where('parties').equals(id).toArray(),
    db.deals.where('involved').equals(id).toArray(),
  ]);
  const ownRoles = firstPerKey(inPackOrder([...asPerson, ...asOrg], packIds), (r) => r.id);
  const roles = await roleViews(db, ownRoles, packIds);
  const facts = await factViews(db, [...factsAbout, ...factsBy], packIds);
  const deals = await dealViews(db, [...asParty, ...asInvolved], packIds);
  const related = await relatedEntities(db, entity, ownRoles, deals, packIds);
  const sources = (await sourceSummaries(db, sourceRefs(entity, roles, facts, deals))).sort((a, b) => compareDatesDesc(a.date, b.date));
  return { entity, roles, facts, deals, related, sources };
}
