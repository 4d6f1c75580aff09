/**
 * Writing packs. Nothing here touches other packs or the user's data (kept in lib/settings).
 *
 * A pack is installed one of two ways, chosen by what is stored under its id (README
 * "Loading"):
 * - **first install, staged**: the pack meta (state 'writing') and its dictionary row go
 *   in first, in one short transaction, so pages can be matched at once; the other rows
 *   follow in transactions of STAGED_TRANSACTION_ROWS, and a last one marks the pack
 *   complete. Until then every query but the matcher's skips the pack. If a later write
 *   fails, the pack is removed again; if the writer dies, the next start removes it
 *   (recoverPartialPacks). There was no previous version to lose.
 * - **replacement**: one read-write transaction deletes the old rows and writes the new
 *   ones, so a failure half-way rolls back to the previous version, which stays usable.
 */
import { PACK_FORMAT, PACK_FORMAT_VERSION, type FactPack } from '../pack/types';
import type { Table } from 'dexie';
import type { DictionaryRowEntry, FactmarkDB, PackKey, PackKind, PackMeta } from './db';
import { aliasRows, dealRows, dictionaryRow, packCounts, packDictionary, rowTotal, withPack, type PackDictionary } from './pack-rows';
import { StoreError, toStoreError } from './store-error';
import { defaultWriteLocks, packWriteLock } from './write-lock';

export { packCounts } from './pack-rows';

/** Rows per bulkPut: keeps each request (and its structured clone) small for big packs. */
export const LOAD_CHUNK_SIZE = 500;

/**
 * Rows per transaction of a staged install. Each transaction locks its table against
 * reads (a card, a search) only while it runs: a few hundred ms at most.
 */
export const STAGED_TRANSACTION_ROWS = 5000;

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
  /**
   * Called once pages can be matched with the pack: its dictionary row is committed. For a
   * first install that is before the other rows are written (the meta passed has state
   * 'writing'); for a replacement, when everything is. A first install waits for a
   * returned promise before it writes the rest (the options page does not: it only tells
   * the background).
   */
  onMatchable?: (meta: PackMeta) => void | Promise<void>;
  /** packDictionary(pack), when the caller made it already (an import does, to prepare the matcher). */
  dictionary?: PackDictionary;
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
  await db.dictionaries.delete(packId);
}

/** The guard's own refusal reaches the caller as it was thrown; anything else as a StoreError. */
class Refusal {
  constructor(readonly error: unknown) {}
}

function runGuard(options: LoadOptions, previous: PackMeta | undefined): void {
  try {
    options.guard?.(previous);
  } catch (error) {
    throw new Refusal(error);
  }
}

function metaOf(pack: FactPack, kind: PackKind, now: number, enabled: boolean): PackMeta {
  return { id: pack.id, name: pack.name, version: pack.version, hash: pack.hash, kind, enabled, installedAt: now, counts: packCounts(pack) };
}

interface Write {
  db: FactmarkDB;
  pack: FactPack;
  kind: PackKind;
  now: number;
  options: LoadOptions;
  advance(n: number): void;
}

/** Everything in one transaction: the previous version stays until the new one is complete. */
async function replaceAtomically(w: Write, dictionary: PackDictionary): Promise<PackMeta> {
  const { db, pack } = w;
  const meta = await db.transaction('rw', [db.packs, db.dictionaries, ...db.contentTables], async () => {
    const previous = await db.packs.get(pack.id);
    runGuard(w.options, previous);
    await deletePackRows(db, pack.id);
    const aliases = aliasRows(pack, dictionary.entries);
    await db.dictionaries.put(dictionaryRow(pack, dictionary));
    await putChunked(db.sources, withPack(pack.id, pack.sources), w.advance);
    await putChunked(db.entities, withPack(pack.id, pack.entities), w.advance);
    await putChunked(db.aliases, aliases, w.advance);
    await putChunked(db.roles, withPack(pack.id, pack.roles), w.advance);
    await putChunked(db.facts, withPack(pack.id, pack.facts), w.advance);
    await putChunked(db.deals, dealRows(pack), w.advance);
    const next = metaOf(pack, w.kind, w.now, previous?.enabled ?? true);
    await db.packs.put(next);
    return next;
  });
  await w.options.onMatchable?.(meta);
  return meta;
}

const sameWrite = (a: PackMeta | undefined, b: PackMeta) => a?.state === 'writing' && a.installedAt === b.installedAt && a.hash === b.hash;

/** The rows after the dictionary, a transaction per STAGED_TRANSACTION_ROWS, then the pack marked complete. */
async function writeRest(w: Write, writing: PackMeta, entries: readonly DictionaryRowEntry[]): Promise<PackMeta> {
  const { db, pack } = w;
  /** The stored meta, as long as it is still this write's. */
  const stillOurs = async (): Promise<PackMeta> => {
    const current = await db.packs.get(pack.id);
    if (!current || !sameWrite(current, writing)) throw new StoreError('unknown', `pack "${pack.id}" was removed while it was being written`);
    return current;
  };
  const put = async <T>(table: Table<T, PackKey>, rows: readonly T[]) => {
    for (let start = 0; start < rows.length; start += STAGED_TRANSACTION_ROWS) {
      await stillOurs();
      await db.transaction('rw', table, () => putChunked(table, rows.slice(start, start + STAGED_TRANSACTION_ROWS), w.advance));
    }
  };
  await put(db.sources, withPack(pack.id, pack.sources));
  await put(db.entities, withPack(pack.id, pack.entities));
  await put(db.aliases, aliasRows(pack, entries));
  await put(db.roles, withPack(pack.id, pack.roles));
  await put(db.facts, withPack(pack.id, pack.facts));
  await put(db.deals, dealRows(pack));
  return db.transaction('rw', db.packs, async () => {
    const { state: _writing, ...complete } = await stillOurs();
    await db.packs.put(complete);
    return complete;
  });
}

async function loadHoldingLock(w: Write): Promise<PackMeta> {
  const { db, pack } = w;
  // We hold the pack's write lock, so a pack still 'writing' lost its writer: clear it first.
  if ((await db.packs.get(pack.id))?.state === 'writing') await removePack(db, pack.id);
  const made = w.options.dictionary ?? packDictionary(pack);
  const dictionary = dictionaryRow(pack, made);
  const writing = await db.transaction('rw', [db.packs, db.dictionaries], async () => {
    if (await db.packs.get(pack.id)) return undefined;
    runGuard(w.options, undefined);
    const meta: PackMeta = { ...metaOf(pack, w.kind, w.now, true), state: 'writing' };
    await db.dictionaries.put(dictionary);
    await db.packs.put(meta);
    return meta;
  });
  if (!writing) return replaceAtomically(w, made);
  try {
    await w.options.onMatchable?.(writing);
    return await writeRest(w, writing, made.entries);
  } catch (error) {
    // Compensate: the pack goes again. Should that fail too (the database closed under
    // us), the next start finds it 'writing' with no writer and removes it.
    await removePack(db, pack.id).catch(() => undefined);
    throw error;
  }
}

/**
 * Installs `pack` under `pack.id`, replacing what is stored there. The pack keeps its
 * `enabled` choice when it was already installed. Resolves once every row is written;
 * `onMatchable` says when pages can use it. Throws StoreError (code 'quota' on a full
 * disk, 'busy' while another context writes the same pack); the store is then as before
 * (a first install leaves no trace; a replacement leaves the previous version).
 */
export async function loadPack(db: FactmarkDB, pack: FactPack, kind: PackKind, now = Date.now(), options: LoadOptions = {}): Promise<PackMeta> {
  assertLoadable(pack);
  let written = 0;
  const total = rowTotal(packCounts(pack));
  const write: Write = {
    db,
    pack,
    kind,
    now,
    options,
    advance: (n) => {
      written += n;
      options.onProgress?.(written, total);
    },
  };
  try {
    const result = await defaultWriteLocks().tryHold(packWriteLock(db.name, pack.id), () => loadHoldingLock(write));
    if (!result.held) throw new StoreError('busy', `pack "${pack.id}" is being written by another import; try again once it has finished`);
    return result.value;
  } catch (error) {
    if (error instanceof Refusal) throw error.error;
    throw toStoreError(error, `loading pack "${pack.id}"`);
  }
}

/** Deletes a pack and all its rows. Returns false when there was no such pack. */
export async function removePack(db: FactmarkDB, packId: string): Promise<boolean> {
  try {
    return await db.transaction('rw', [db.packs, db.dictionaries, ...db.contentTables], async () => {
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
