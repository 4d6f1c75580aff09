/**
 * The "factmark" IndexedDB database: the fact packs, one row per record, keyed by
 * `[packId+id]` because ids only have to be unique inside their pack. Design notes in
 * ./README.md.
 */
import { Dexie, type Table } from 'dexie';
import type { Alias, Deal, Entity, EntityType, Fact, Role, SourceDoc } from '../pack/types';

export type PackKind = 'bundled' | 'imported';

export interface PackCounts {
  sources: number;
  entities: number;
  roles: number;
  facts: number;
  deals: number;
}

export interface PackMeta {
  id: string;
  name: string;
  version: string;
  hash: string;
  kind: PackKind;
  /** The user's choice; a reload of the same pack keeps it. */
  enabled: boolean;
  /** When this version of the pack was written (ms since epoch). */
  installedAt: number;
  counts: PackCounts;
  /**
   * 'writing': a first install whose dictionary row is stored (pages are matched with it)
   * while its other rows are still being written; every other query skips the pack until
   * the field is gone. Absent: complete. See README "Loading".
   */
  state?: 'writing';
}

interface InPack {
  packId: string;
}

export type EntityRow = Entity & InPack;
export type RoleRow = Role & InPack;
export type FactRow = Fact & InPack;
export type SourceRow = SourceDoc & InPack;
/** `sourceIds`: the deal's own source and those of its extra citations, for one index. */
export type DealRow = Deal & InPack & { sourceIds: string[] };

/**
 * What the page matcher needs of one entity (lib/match DictionaryEntity), kept apart from
 * the larger entity rows so the content script's dictionary carries no descriptions.
 */
export interface AliasRow extends InPack {
  entityId: string;
  name: string;
  type: EntityType;
  aliases: Alias[];
  country?: string;
  /** Titles the pack's roles give the person ("Ambassador to China"). */
  titles?: string[];
  cues?: string[];
  /** Entities that support this one's ambiguous aliases when on the same page (lib/match). */
  related?: string[];
  /** normaliseAlias() of the name and of every alias text. */
  keys: string[];
}

export type PackKey = [packId: string, id: string];

/** One entity of a pack's dictionary row: an AliasRow without its pack id and look-up keys. */
export type DictionaryRowEntry = Omit<AliasRow, 'packId' | 'keys'>;

/**
 * The whole matcher dictionary of one pack in one row: the background reads one row per
 * pack instead of one per entity, and an install writes it before anything else. The
 * entries (in entity id order, the order the aliases table's key gave them) are stored as
 * one JSON text (version 3): IndexedDB clones a string in one copy, while cloning the same
 * entries as 100,000 objects back out of the store took the background longer than
 * building its matcher from them (Node's v8.deserialize of a 100k-entity row: 0.52–0.65 s;
 * JSON.parse of the same entries: 0.15–0.17 s).
 */
export interface DictionaryRow {
  packId: string;
  /** The pack hash it was built from. */
  hash: string;
  /** JSON of DictionaryRowEntry[] (read it with lib/store/pack-rows entriesFromJson). */
  entriesJson: string;
}

/** How version 2 stored the row (entries as objects); version 3's upgrade turns it into text. */
interface DictionaryRowV2 {
  packId: string;
  hash: string;
  entries: DictionaryRowEntry[];
}

export class FactmarkDB extends Dexie {
  packs!: Table<PackMeta, string>;
  entities!: Table<EntityRow, PackKey>;
  aliases!: Table<AliasRow, PackKey>;
  roles!: Table<RoleRow, PackKey>;
  facts!: Table<FactRow, PackKey>;
  deals!: Table<DealRow, PackKey>;
  sources!: Table<SourceRow, PackKey>;
  dictionaries!: Table<DictionaryRow, string>;

  constructor(name = 'factmark') {
    super(name);
    // Never edit a version once it has shipped: add the next one below it, e.g.
    //   this.version(3).stores({ facts: '[packId+id], packId, *entityIds, sourceId, kind' })
    //     .upgrade((tx) => …);
    // Dexie keeps each version's schema and runs the upgrades in order.
    this.version(1).stores({
      packs: 'id, kind',
      entities: '[packId+id], id, packId, *sources, *memberOf',
      aliases: '[packId+entityId], entityId, packId, *keys',
      roles: '[packId+id], packId, personId, orgId, sourceId',
      facts: '[packId+id], packId, *entityIds, attributedTo, sourceId',
      deals: '[packId+id], packId, *parties, *involved, *sourceIds',
      sources: '[packId+id], id, packId',
    });
    // Version 2: the dictionary row per pack, built for the packs already stored.
    this.version(2)
      .stores({ dictionaries: 'packId' })
      .upgrade(async (tx) => {
        const packs = (await tx.table('packs').toArray()) as PackMeta[];
        for (const pack of packs) {
          const rows = (await tx.table('aliases').where('packId').equals(pack.id).toArray()) as AliasRow[];
          await tx.table('dictionaries').put(dictionaryRowV2FromAliases(pack.id, pack.hash, rows));
        }
      });
    // Version 3: the row's entries as one JSON text (see DictionaryRow).
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('dictionaries')
          .toCollection()
          .modify((row: Partial<DictionaryRowV2> & Partial<DictionaryRow>) => {
            if (typeof row.entriesJson === 'string') return;
            row.entriesJson = JSON.stringify(row.entries ?? []);
            delete row.entries;
          });
      });
  }

  /** The tables that hold pack content (everything but the pack list). */
  get contentTables(): Array<Table<InPack, PackKey>> {
    return [this.entities, this.aliases, this.roles, this.facts, this.deals, this.sources];
  }
}

/** Version 2's row from alias rows (any order): the same entries an install wrote then. */
function dictionaryRowV2FromAliases(packId: string, hash: string, rows: readonly AliasRow[]): DictionaryRowV2 {
  const entries = rows.map(({ packId: _pack, keys: _keys, ...entry }): DictionaryRowEntry => entry);
  entries.sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
  return { packId, hash, entries };
}

export function createStore(name?: string): FactmarkDB {
  return new FactmarkDB(name);
}
