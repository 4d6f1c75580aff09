/**
 * Keeps the bundled pack in the store. Called by the background on install, on update and
 * on every service-worker start, so it must be cheap when nothing changed (two reads).
 *
 * Eviction: the browser may clear IndexedDB under storage pressure while
 * browser.storage.local survives. A marker in storage.local records which pack was loaded;
 * a marker beside an empty (or damaged) store means the store was evicted: we log it,
 * count it and refill.
 */
import { storage } from 'wxt/utils/storage';
import type { FactPack } from '../pack/types';
import type { FactmarkDB, PackMeta } from './db';
import { loadPack, removePack } from './load-pack';

export interface BundledMarker {
  packId: string;
  version: string;
  hash: string;
  loadedAt: number;
  /** How many times the store was found evicted and refilled. */
  evictions: number;
  lastEvictedAt?: number;
}

export interface MarkerStorage {
  getValue(): Promise<BundledMarker | null>;
  setValue(value: BundledMarker): Promise<void>;
}

export type EnsureAction = 'installed' | 'updated' | 'refilled' | 'unchanged';

export interface EnsureResult {
  action: EnsureAction;
  evicted: boolean;
  pack: PackMeta;
  marker: BundledMarker;
  /** Whether the browser keeps our storage under pressure; undefined where it cannot tell. */
  persisted: boolean | undefined;
}

export interface EnsureOptions {
  marker?: MarkerStorage;
  now?: () => number;
  log?: Pick<Console, 'info' | 'warn'>;
  requestPersistence?: () => Promise<boolean | undefined>;
}

let defaultMarker: MarkerStorage | undefined;
export function bundledMarkerItem(): MarkerStorage {
  defaultMarker ??= storage.defineItem<BundledMarker>('local:store.bundledPack');
  return defaultMarker;
}

/**
 * Asks the browser not to evict our data. `persist()` exists only in windows (not in a
 * service worker), so the background can only ask whether it is persisted; extension pages
 * call this too. Never throws.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  try {
    const manager = (globalThis.navigator as Navigator | undefined)?.storage;
    if (!manager) return undefined;
    if (typeof manager.persisted === 'function' && (await manager.persisted())) return true;
    if (typeof manager.persist === 'function') return await manager.persist();
    return typeof manager.persisted === 'function' ? false : undefined;
  } catch {
    return undefined;
  }
}

async function storedState(db: FactmarkDB, packId: string): Promise<{ meta: PackMeta | undefined; empty: boolean; damaged: boolean }> {
  const [meta, packCount] = await Promise.all([db.packs.get(packId), db.packs.count()]);
  if (!meta) return { meta, empty: packCount === 0, damaged: false };
  const entityRows = await db.entities.where('packId').equals(packId).count();
  return { meta, empty: false, damaged: entityRows !== meta.counts.entities };
}

function chooseAction(meta: PackMeta | undefined, damaged: boolean, evicted: boolean, hash: string): EnsureAction {
  if (evicted) return 'refilled';
  if (!meta) return 'installed';
  if (damaged || meta.hash !== hash) return 'updated';
  return 'unchanged';
}

export async function ensureBundledPack(db: FactmarkDB, pack: FactPack, options: EnsureOptions = {}): Promise<EnsureResult> {
  const markerStore = options.marker ?? bundledMarkerItem();
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const persisted = await (options.requestPersistence ?? requestPersistence)();

  const [marker, state] = await Promise.all([markerStore.getValue(), storedState(db, pack.id)]);
  const evicted = marker !== null && (state.empty || state.damaged);
  const action = chooseAction(state.meta, state.damaged, evicted, pack.hash);
  if (evicted) log.warn(`[factmark] The store was evicted or damaged (pack "${marker.packId}" ${marker.version} had been loaded); refilling.`);

  if (action === 'unchanged' && state.meta) {
    const current = marker ?? { packId: pack.id, version: pack.version, hash: pack.hash, loadedAt: state.meta.installedAt, evictions: 0 };
    if (!marker) await markerStore.setValue(current);
    return { action, evicted, pack: state.meta, marker: current, persisted };
  }

  const meta = await loadPack(db, pack, 'bundled', now());
  // Only one pack ships with the extension: a bundled pack under an older id is stale.
  for (const stale of await db.packs.where('kind').equals('bundled').toArray()) {
    if (stale.id !== pack.id) await removePack(db, stale.id);
  }
  const next: BundledMarker = { packId: pack.id, version: pack.version, hash: pack.hash, loadedAt: meta.installedAt, evictions: (marker?.evictions ?? 0) + (evicted ? 1 : 0) };
  const lastEvictedAt = evicted ? meta.installedAt : marker?.lastEvictedAt;
  if (lastEvictedAt !== undefined) next.lastEvictedAt = lastEvictedAt;
  await markerStore.setValue(next);
  log.info(`[factmark] Bundled pack "${pack.id}" ${pack.version}: ${action}.`);
  return { action, evicted, pack: meta, marker: next, persisted };
}
