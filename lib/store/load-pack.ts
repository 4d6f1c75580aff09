/**
 * Writing packs. A load replaces one pack's rows in a single read-write transaction, so a
 * failure half-way (a full disk, a closed database) rolls back to the previous pack.
 * Nothing here touches other packs or the user's data (kept in lib/settings).
 */
import { dictionaryEntities } from '../match/from-pack';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type FactPack } from '../pack/types';
import type { AliasRow, DealRow, FactmarkDB, PackCounts, PackKind, PackMeta } from './db';
import { normaliseAlias } from './normalise-alias';
import { StoreError, toStoreError } from './store-error';

/** Rows per bulkPut: keeps each request (and its structured clone) small for big packs. */
export const LOAD_CHUNK_SIZE = 500;

export function packCounts(pack: FactPack): PackCounts {
  return {
    sources: pack.sources.length,
    entities: pack.entities.length,
    roles: pack.roles.length,
    facts: pack.facts.length,
    deals: pack.deals.length,
  };
}

/** The matcher's view of each entity (lib/match/from-pack), stored apart from the entity rows. */
function aliasRows(pack: FactPack): AliasRow[] {
  return dictionaryEntities(pack).map((entity) => {
    const row: AliasRow = {
      packId: pack.id,
      entityId: entity.id,
      name: entity.name,
      type: entity.type,
      aliases: [...entity.aliases],
      keys: [...new Set([entity.name, ...entity.aliases.map((a) => a.text)].map(normaliseAlias))].filter(Boolean),
    };
    if (entity.country !== undefined) row.country = entity.country;
    if (entity.titles?.length) row.titles = [...new Set(entity.titles)];
    if (entity.cues !== undefined) row.cues = [...entity.cues];
    if (entity.related?.length) row.related = [...entity.related];
    return row;
  });
}

function dealRows(pack: FactPack): DealRow[] {
  return pack.deals.map((deal) => ({
    ...deal,
    packId: pack.id,
    sourceIds: [...new Set([deal.sourceId, ...(deal.citations ?? []).map((c) => c.sourceId)])],
  }));
}

function withPack<T extends object>(packId: string, records: readonly T[]): Array<T & { packId: string }> {
  return records.map((record) => ({ ...record, packId }));
}

/** Rows written so far and in all, after each chunk (for an import's progress bar). */
export type LoadProgress = (written: number, total: number) => void;

export interface LoadOptions {
  onProgress?: LoadProgress;
  /**
   * Runs inside the load's transaction with the pack already stored under this id (if
   * any), before anything is written; throwing aborts the load with nothing changed. An
   * import uses it to refuse an older version without a window between check and write.
   */
  guard?: (previous: PackMeta | undefined) => void;
}

async function putChunked<T>(table: { bulkPut(items: readonly T[]): Promise<unknown> }, rows: readonly T[], advance: (n: number) => void = () => {}): Promise<void> {
  for (let start = 0; start < rows.length; start += LOAD_CHUNK_SIZE) {
    const chunk = rows.slice(start, start + LOAD_CHUNK_SIZE);
    await table.bulkPut(chunk);
    advance(chunk.length);
  }
}

/** The cheap checks a pack needs before it is written; full validation is lib/pack/validate.ts. */
function assertLoadable(pack: FactPack): void {
  const ok =
    pack.format === PACK_FORMAT &&
    pack.formatVersion === PACK_FORMAT_VERSION &&
    typeof pack.id === 'string' &&
    pack.id !== '' &&
    [pack.sources, pack.entities, pack.roles, pack.facts, pack.deals].every(Array.isArray);
  if (!ok) throw new StoreError('invalid-pack', `Not a ${PACK_FORMAT} v${PACK_FORMAT_VERSION} pack: ${String(pack.id)}`);
}

async function deletePackRows(db: FactmarkDB, packId: string): Promise<void> {
  for (const table of db.contentTables) await table.where('packId').equals(packId).delete();
}

/**
 * Replaces the rows of `pack.id` with `pack`. The pack keeps its `enabled` choice when it
 * was already installed. Throws StoreError (code 'quota' on a full disk); the store is
 * then exactly as before.
 */
export async function loadPack(db: FactmarkDB, pack: FactPack, kind: PackKind, now = Date.now(), options: LoadOptions = {}): Promise<PackMeta> {
  assertLoadable(pack);
  const counts = packCounts(pack);
  // Entities are written twice (entities and aliases).
  const total = counts.sources + 2 * counts.entities + counts.roles + counts.facts + counts.deals;
  let written = 0;
  let refusal: { error: unknown } | undefined;
  const advance = (n: number) => {
    written += n;
    options.onProgress?.(written, total);
  };
  try {
    return await db.transaction('rw', [db.packs, ...db.contentTables], async () => {
      const previous = await db.packs.get(pack.id);
      try {
        options.guard?.(previous);
      } catch (error) {
        refusal = { error };
        throw error;
      }
      await deletePackRows(db, pack.id);
      await putChunked(db.sources, withPack(pack.id, pack.sources), advance);
      await putChunked(db.entities, withPack(pack.id, pack.entities), advance);
      await putChunked(db.aliases, aliasRows(pack), advance);
      await putChunked(db.roles, withPack(pack.id, pack.roles), advance);
      await putChunked(db.facts, withPack(pack.id, pack.facts), advance);
      await putChunked(db.deals, dealRows(pack), advance);
      const meta: PackMeta = {
        id: pack.id,
        name: pack.name,
        version: pack.version,
        hash: pack.hash,
        kind,
        enabled: previous?.enabled ?? true,
        installedAt: now,
        counts,
      };
      await db.packs.put(meta);
      return meta;
    });
  } catch (error) {
    // The guard's own refusal reaches the caller as it was thrown.
    if (refusal) throw refusal.error;
    throw toStoreError(error, `loading pack "${pack.id}"`);
  }
}

/** Deletes a pack and all its rows. Returns false when there was no such pack. */
export async function removePack(db: FactmarkDB, packId: string): Promise<boolean> {
  try {
    return await db.transaction('rw', [db.packs, ...db.contentTables], async () => {
      const existed = (await db.packs.get(packId)) !== undefined;
      await deletePackRows(db, packId);
      await db.packs.delete(packId);
      return existed;
    });
  } catch (error) {
    throw toStoreError(error, `removing pack "${packId}"`);
  }
}

/** Turns a pack on or off without touching its rows. Returns false when there is no such pack. */
export async function setPackEnabled(db: FactmarkDB, packId: string, enabled: boolean): Promise<boolean> {
  try {
    return await db.transaction('rw', db.packs, async () => {
      const meta = await db.packs.get(packId);
      if (!meta) return false;
      await db.packs.put({ ...meta, enabled });
      return true;
    });
  } catch (error) {
    throw toStoreError(error, `switching pack "${packId}"`);
  }
}
