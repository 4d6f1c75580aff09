/**
 * Which packs the queries read, and which wins when two packs hold the same id.
 *
 * The same entity id in two packs is taken to be the same entity (packs share one id
 * namespace, so an imported pack can add facts about someone the bundled pack knows).
 * Where one record has to be chosen (an entity's name and description), imported packs
 * win over the bundled one, the most recently installed first: an import is the user's
 * deliberate, usually newer, choice.
 */
import type { FactmarkDB, PackMeta } from './db';

export function byPriority(a: PackMeta, b: PackMeta): number {
  if (a.kind !== b.kind) return a.kind === 'imported' ? -1 : 1;
  return b.installedAt - a.installedAt || a.id.localeCompare(b.id);
}

/**
 * Enabled, complete pack ids, highest priority first: what cards, deals, sources and
 * search read. A pack still being written (state 'writing') is left out until it is
 * complete, so nobody sees half of it.
 */
export async function enabledPackIds(db: FactmarkDB): Promise<string[]> {
  const packs = await db.packs.toArray();
  return packs.filter((p) => p.enabled && p.state === undefined).sort(byPriority).map((p) => p.id);
}

/** Enabled pack ids including those still being written: their dictionary row is complete. */
export async function matchablePackIds(db: FactmarkDB): Promise<string[]> {
  const packs = await db.packs.toArray();
  return packs.filter((p) => p.enabled).sort(byPriority).map((p) => p.id);
}

/** Keeps rows of enabled packs, in pack priority order (stable within a pack). */
export function inPackOrder<T extends { packId: string }>(rows: readonly T[], packIds: readonly string[]): T[] {
  const rank = new Map(packIds.map((id, index) => [id, index]));
  return rows
    .filter((row) => rank.has(row.packId))
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (rank.get(a.row.packId) ?? 0) - (rank.get(b.row.packId) ?? 0) || a.index - b.index)
    .map(({ row }) => row);
}

/** The first row per key, after inPackOrder: one record per id across packs. */
export function firstPerKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = key(row);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
