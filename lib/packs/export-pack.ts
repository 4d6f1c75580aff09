/**
 * A stored pack back as a pack file, in the format import reads. Rows come out of the
 * store in key order rather than the file's order, so each table is sorted by id and the
 * hash recomputed over that content: the file validates and imports anywhere.
 */
import { packHash } from '../pack/validate';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type FactPack } from '../pack/types';
import type { FactmarkDB } from '../store/db';

function withoutKeys<T extends object, K extends string>(row: T, keys: readonly K[]): Omit<T, K> {
  const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The pack `packId` as stored, or undefined when there is no such pack. */
export async function exportPack(db: FactmarkDB, packId: string): Promise<FactPack | undefined> {
  // One read transaction for a consistent snapshot; the hash (crypto.subtle, not an
  // IndexedDB request) is computed after it, or the transaction would commit under us.
  const content = await db.transaction('r', [db.packs, db.sources, db.entities, db.roles, db.facts, db.deals], async () => {
    const meta = await db.packs.get(packId);
    if (!meta) return undefined;
    // Half of a pack would export as a valid, smaller pack: refuse until it is complete.
    if (meta.state === 'writing') throw new Error(`pack "${packId}" is still being written`);
    const [sources, entities, roles, facts, deals] = await Promise.all([
      db.sources.where('packId').equals(packId).toArray(),
      db.entities.where('packId').equals(packId).toArray(),
      db.roles.where('packId').equals(packId).toArray(),
      db.facts.where('packId').equals(packId).toArray(),
      db.deals.where('packId').equals(packId).toArray(),
    ]);
    const pack: Omit<FactPack, 'hash'> = {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      id: meta.id,
      name: meta.name,
      version: meta.version,
      sources: sources.map((r) => withoutKeys(r, ['packId'])).sort(byId),
      entities: entities.map((r) => withoutKeys(r, ['packId'])).sort(byId),
      roles: roles.map((r) => withoutKeys(r, ['packId'])).sort(byId),
      facts: facts.map((r) => withoutKeys(r, ['packId'])).sort(byId),
      deals: deals.map((r) => withoutKeys(r, ['packId', 'sourceIds'])).sort(byId),
    };
    return pack;
  });
  return content && { ...content, hash: await packHash(content) };
}

/** "factmark-seeds-1.0.0.json" */
export function packFileName(pack: Pick<FactPack, 'id' | 'version'>): string {
  return `${pack.id}-${pack.version}.json`;
}
