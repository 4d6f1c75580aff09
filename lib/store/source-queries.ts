/**
 * Sources and what the packs draw from them. Unlike entity ids, a source id is resolved
 * inside the pack that cites it: a quote is only checked against its own pack's text.
 */
import type { FactmarkDB, SourceRow } from './db';
import { dealViews } from './deal-queries';
import { summarise } from './entity-queries';
import { factViews, roleViews } from './record-views';
import { enabledPackIds, firstPerKey, inPackOrder } from './pack-order';
import type { SourceSummary, SourceView } from './views';

export function summariseSource(source: SourceRow): SourceSummary {
  const summary: SourceSummary = { id: source.id, packId: source.packId, title: source.title };
  if (source.outlet !== undefined) summary.outlet = source.outlet;
  if (source.date !== undefined) summary.date = source.date;
  if (source.dateText !== undefined) summary.dateText = source.dateText;
  return summary;
}

/** Summaries of `[packId, sourceId]` pairs, in the order given, unknown ones left out. */
export async function sourceSummaries(db: FactmarkDB, refs: ReadonlyArray<readonly [string, string]>): Promise<SourceSummary[]> {
  const unique = firstPerKey(refs, ([packId, id]) => `${packId}\u0000${id}`);
  const rows = await db.sources.bulkGet(unique.map(([packId, id]) => [packId, id]));
  return rows.flatMap((row) => (row ? [summariseSource(row)] : []));
}

/**
 * A source with every role, fact and deal citing it, and the entities listing it. Without
 * `packId`, the highest-priority enabled pack holding a source of that id is used.
 */
export async function sourceById(db: FactmarkDB, id: string, packId?: string): Promise<SourceView | undefined> {
  const packIds = await enabledPackIds(db);
  const candidates = await db.sources.where('id').equals(id).toArray();
  const row = inPackOrder(candidates, packId === undefined ? packIds : packIds.filter((p) => p === packId))[0];
  if (!row) return undefined;
  const inSourcePack = <T extends { packId: string }>(rows: T[]): T[] => rows.filter((r) => r.packId === row.packId);
  const [roles, facts, deals, entities] = await Promise.all([
    db.roles.where('sourceId').equals(id).toArray(),
    db.facts.where('sourceId').equals(id).toArray(),
    db.deals.where('sourceIds').equals(id).toArray(),
    db.entities.where('sources').equals(id).toArray(),
  ]);
  return {
    source: row,
    roles: await roleViews(db, inSourcePack(roles), packIds),
    facts: await factViews(db, inSourcePack(facts), packIds),
    deals: await dealViews(db, inSourcePack(deals), packIds),
    entities: inSourcePack(entities).map(summarise).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
