/**
 * The rows a pack is stored as (one per record, plus the matcher's alias rows and the
 * pack's dictionary row), built from the pack file's records. Pure: no database here.
 */
import { dictionaryEntities } from '../match/from-pack';
import type { FactPack } from '../pack/types';
import type { AliasRow, DealRow, DictionaryRow, DictionaryRowEntry, PackCounts } from './db';
import { normaliseAlias } from './normalise-alias';

export function packCounts(pack: FactPack): PackCounts {
  return {
    sources: pack.sources.length,
    entities: pack.entities.length,
    roles: pack.roles.length,
    facts: pack.facts.length,
    deals: pack.deals.length,
  };
}

/** Rows an install writes in all (entities are written twice: entities and aliases). */
export function rowTotal(counts: PackCounts): number {
  return counts.sources + 2 * counts.entities + counts.roles + counts.facts + counts.deals;
}

/**
 * The matcher's view of each entity of the pack (lib/match/from-pack), in entity id order:
 * what its dictionary row holds. What an install writes first, so it stays cheap: the alias
 * rows' look-up keys (normaliseAlias of every alias, the costly part) are made afterwards.
 */
export function dictionaryEntries(pack: FactPack): DictionaryRowEntry[] {
  const entries = dictionaryEntities(pack).map((entity) => {
    const entry: DictionaryRowEntry = { entityId: entity.id, name: entity.name, type: entity.type, aliases: [...entity.aliases] };
    if (entity.country !== undefined) entry.country = entity.country;
    if (entity.titles?.length) entry.titles = [...new Set(entity.titles)];
    if (entity.cues !== undefined) entry.cues = [...entity.cues];
    if (entity.related?.length) entry.related = [...entity.related];
    return entry;
  });
  entries.sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
  return entries;
}

/** The pack's entries (dictionaryEntries) and their JSON text, made once for the row and whoever else needs them. */
export interface PackDictionary {
  entries: DictionaryRowEntry[];
  json: string;
}

export function packDictionary(pack: FactPack): PackDictionary {
  const entries = dictionaryEntries(pack);
  return { entries, json: JSON.stringify(entries) };
}

/** The pack's dictionary row (see DictionaryRow: the entries as one JSON text). */
export function dictionaryRow(pack: FactPack, dictionary: PackDictionary = packDictionary(pack)): DictionaryRow {
  return { packId: pack.id, hash: pack.hash, entriesJson: dictionary.json };
}

/**
 * A dictionary row's JSON text as entries, or undefined when it is not a list of them
 * (a reader then falls back to the pack's alias rows, which hold the same entries).
 */
export function entriesFromJson(json: unknown): DictionaryRowEntry[] | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const entries: unknown = JSON.parse(json);
    return Array.isArray(entries) && entries.every(isEntry) ? (entries as DictionaryRowEntry[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The fields the matcher cannot do without; the rest it reads as optional. */
function isEntry(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Partial<DictionaryRowEntry>;
  return typeof e.entityId === 'string' && typeof e.name === 'string' && typeof e.type === 'string' && Array.isArray(e.aliases);
}

/** The aliases table's rows: the dictionary's entries, each with its pack id and look-up keys. */
export function aliasRows(pack: FactPack, entries: readonly DictionaryRowEntry[] = dictionaryEntries(pack)): AliasRow[] {
  return entries.map((entry) => ({
    ...entry,
    packId: pack.id,
    keys: [...new Set([entry.name, ...entry.aliases.map((a) => a.text)].map(normaliseAlias))].filter(Boolean),
  }));
}

export function dealRows(pack: FactPack): DealRow[] {
  return pack.deals.map((deal) => ({
    ...deal,
    packId: pack.id,
    sourceIds: [...new Set([deal.sourceId, ...(deal.citations ?? []).map((c) => c.sourceId)])],
  }));
}

export function withPack<T extends object>(packId: string, records: readonly T[]): Array<T & { packId: string }> {
  return records.map((record) => ({ ...record, packId }));
}
