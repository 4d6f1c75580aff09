/** The search rows of every enabled pack in the store, highest-priority pack first. */
import type { Table } from 'dexie';
import type { FactmarkDB, PackKey } from '../store/db';
import { enabledPackIds, inPackOrder } from '../store/pack-order';
import { searchRows, type SearchRow } from './search-rows';

export async function searchRowsFromStore(db: FactmarkDB): Promise<SearchRow[]> {
  const packIds = await enabledPackIds(db);
  if (packIds.length === 0) return [];
  const read = <T extends { packId: string }>(table: Table<T, PackKey>) => table.where('packId').anyOf(packIds).toArray().then((rows) => inPackOrder(rows, packIds));
  const [entities, roles, facts, deals, sources] = await db.transaction('r', [db.entities, db.roles, db.facts, db.deals, db.sources], () =>
    Promise.all([read(db.entities), read(db.roles), read(db.facts), read(db.deals), read(db.sources)]),
  );
  return searchRows({ entities, roles, facts, deals, sources });
}
