/** Entity look-ups, the pack list and the page matcher's dictionary. */
import type { Alias } from '../pack/types';
import type { AliasRow, DictionaryRowEntry, EntityRow, FactmarkDB, PackMeta } from './db';
import { normaliseAlias } from './normalise-alias';
import { entriesFromJson } from './pack-rows';
import { byPriority, enabledPackIds, firstPerKey, inPackOrder, matchablePackIds } from './pack-order';
import type { DictionaryEntry, EntitySummary, EntityView } from './views';

export function summarise(entity: EntityRow): EntitySummary {
  return { id: entity.id, packId: entity.packId, name: entity.name, type: entity.type };
}

/** The entity with this id from the highest-priority enabled pack that has it. */
export async function entityById(db: FactmarkDB, id: string, packIds?: readonly string[]): Promise<EntityView | undefined> {
  const order = packIds ?? (await enabledPackIds(db));
  return inPackOrder(await db.entities.where('id').equals(id).toArray(), order)[0];
}

/** Entities whose name or an alias normalises to `alias` (see normaliseAlias). */
export async function entitiesByAlias(db: FactmarkDB, alias: string): Promise<EntityView[]> {
  const order = await enabledPackIds(db);
  const rows = inPackOrder(await db.aliases.where('keys').equals(normaliseAlias(alias)).toArray(), order);
  const ids = [...new Set(rows.map((row) => row.entityId))];
  const entities = inPackOrder(await db.entities.where('id').anyOf(ids).toArray(), order);
  return firstPerKey(entities, (e) => e.id);
}

/** Summaries of the given ids, one per id (by pack priority); unknown ids are left out. */
export async function entitySummaries(db: FactmarkDB, ids: Iterable<string>, packIds: readonly string[]): Promise<Map<string, EntitySummary>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = firstPerKey(inPackOrder(await db.entities.where('id').anyOf(wanted).toArray(), packIds), (e) => e.id);
  return new Map(rows.map((row) => [row.id, summarise(row)]));
}

/** Installed packs, highest priority first (disabled ones included). */
export async function packList(db: FactmarkDB): Promise<PackMeta[]> {
  return (await db.packs.toArray()).sort(byPriority);
}

function aliasKey(alias: Alias): string {
  return `${alias.kind}\u0000${alias.text}`;
}

type StoredEntry = DictionaryRowEntry & { packId: string };

function entryFrom(row: StoredEntry): DictionaryEntry {
  const entry: DictionaryEntry = { entityId: row.entityId, packId: row.packId, name: row.name, type: row.type, aliases: [...row.aliases] };
  if (row.country !== undefined) entry.country = row.country;
  if (row.titles !== undefined) entry.titles = [...row.titles];
  if (row.cues !== undefined) entry.cues = [...row.cues];
  if (row.related !== undefined) entry.related = [...row.related];
  return entry;
}

function union(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  return a === undefined && b === undefined ? undefined : [...new Set([...(a ?? []), ...(b ?? [])])];
}

function mergeInto(entry: DictionaryEntry, row: StoredEntry): void {
  const known = new Set(entry.aliases.map(aliasKey));
  entry.aliases.push(...row.aliases.filter((a) => !known.has(aliasKey(a))));
  entry.country ??= row.country;
  const titles = union(entry.titles, row.titles);
  const cues = union(entry.cues, row.cues);
  const related = union(entry.related, row.related);
  if (titles) entry.titles = titles;
  if (cues) entry.cues = cues;
  if (related) entry.related = related;
}

/** One pack's dictionary from its row's JSON text (fresh objects), or undefined when the text is not one. */
export function packEntriesFromJson(packId: string, json: unknown): DictionaryEntry[] | undefined {
  const entries = entriesFromJson(json) as DictionaryEntry[] | undefined;
  if (entries) for (const entry of entries) entry.packId = packId;
  return entries;
}

/**
 * One pack's entries, fresh objects the caller may keep: its dictionary row, or (a row
 * missing or unreadable, which no install leaves) its alias rows.
 */
async function packEntries(db: FactmarkDB, packId: string): Promise<DictionaryEntry[]> {
  const row = await db.dictionaries.get(packId);
  const entries = row && packEntriesFromJson(packId, row.entriesJson);
  if (entries) return entries;
  const aliases: AliasRow[] = await db.aliases.where('packId').equals(packId).toArray();
  return aliases.map(entryFrom);
}

/**
 * The dictionary of a pack that ranks above every pack of `lower` (an import: the newest
 * imported pack comes first), merged with theirs as matcherDictionary merges packs: its
 * entries first, then the others; an entity in both keeps this pack's name and type and
 * gains the other aliases, titles and cues. Only `higher`'s objects are changed.
 */
export function mergeEntries(higher: DictionaryEntry[], lower: readonly DictionaryEntry[]): DictionaryEntry[] {
  const byEntity = new Map<string, DictionaryEntry>();
  for (const entry of higher) {
    const known = byEntity.get(entry.entityId);
    if (known) mergeInto(known, entry);
    else byEntity.set(entry.entityId, entry);
  }
  for (const row of lower) {
    const entry = byEntity.get(row.entityId);
    if (entry) mergeInto(entry, row);
    else byEntity.set(row.entityId, row);
  }
  return [...byEntity.values()];
}

/**
 * Every entity of the enabled packs with its aliases, for the page matcher: one dictionary
 * row per pack, packs still being written included (their row is written first). Muted
 * entities are NOT removed here: the content script applies the user's mutes and
 * corrections, so a mute takes effect without asking for the dictionary again.
 */
export async function matcherDictionary(db: FactmarkDB): Promise<DictionaryEntry[]> {
  const order = await matchablePackIds(db);
  if (order.length === 0) return [];
  const perPack = await Promise.all(order.map((packId) => packEntries(db, packId)));
  // Lowest priority first: each pack then merges what ranks below it.
  return perPack.reduceRight<DictionaryEntry[]>((below, rows) => mergeEntries(rows, below), []);
}
