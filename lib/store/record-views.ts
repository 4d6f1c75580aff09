/** Roles and facts with the entities they name looked up (deals: deal-queries.ts). */
import type { FactRow, FactmarkDB, RoleRow } from './db';
import { entitySummaries } from './entity-queries';
import { firstPerKey, inPackOrder } from './pack-order';
import type { FactView, RoleView } from './views';

/** Enabled packs only, one per id by pack priority, entities resolved across packs. */
export async function roleViews(db: FactmarkDB, rows: readonly RoleRow[], packIds: readonly string[]): Promise<RoleView[]> {
  const roles = firstPerKey(inPackOrder(rows, packIds), (r) => r.id);
  const known = await entitySummaries(db, roles.flatMap((r) => [r.personId, ...(r.orgId ? [r.orgId] : [])]), packIds);
  return roles.map((role) => {
    const view: RoleView = { ...role };
    const person = known.get(role.personId);
    const org = role.orgId === undefined ? undefined : known.get(role.orgId);
    if (person) view.person = person;
    if (org) view.org = org;
    return view;
  });
}

export async function factViews(db: FactmarkDB, rows: readonly FactRow[], packIds: readonly string[]): Promise<FactView[]> {
  const facts = firstPerKey(inPackOrder(rows, packIds), (f) => f.id);
  const known = await entitySummaries(db, facts.flatMap((f) => (f.attributedTo ? [f.attributedTo] : [])), packIds);
  return facts.map((fact) => {
    const view: FactView = { ...fact };
    const speaker = fact.attributedTo === undefined ? undefined : known.get(fact.attributedTo);
    if (speaker) view.attributedEntity = speaker;
    return view;
  });
}
