/**
 * What the store's queries return: pack records with the pack they come from and the
 * entities they refer to already looked up, so the UI never needs a second round trip.
 * All of it is structured-clonable (it crosses runtime messages).
 */
import type { Alias, Deal, Entity, EntityType, Fact, PartialDate, Role, SourceDoc } from '../pack/types';
import type { AliasRow } from './db';

export interface EntitySummary {
  id: string;
  packId: string;
  name: string;
  type: EntityType;
}

export type EntityView = Entity & { packId: string };

export type RoleView = Role & {
  packId: string;
  person?: EntitySummary;
  org?: EntitySummary;
};

export type FactView = Fact & {
  packId: string;
  /** The entity `attributedTo` names, when the packs know it. */
  attributedEntity?: EntitySummary;
};

export type DealView = Deal & {
  packId: string;
  partyEntities: EntitySummary[];
  involvedEntities: EntitySummary[];
  /** Set when `place` is an entity id the packs know. */
  placeEntity?: EntitySummary;
};

export interface SourceSummary {
  id: string;
  packId: string;
  title: string;
  outlet?: string;
  date?: PartialDate;
  dateText?: string;
}

/**
 * Why an entity appears beside another on a card:
 * - `organisation`: the organisation a person acts for (roles, memberOf);
 * - `member`: a person acting for this organisation;
 * - `colleague`: another person acting for the same organisation;
 * - `deal-partner`: another party or participant of a deal.
 */
export type Relation = 'organisation' | 'member' | 'colleague' | 'deal-partner';

export interface RelatedEntity {
  entity: EntitySummary;
  relation: Relation;
  /** The ids that link the two: the organisation's id, or the deal ids. */
  via: string[];
}

export interface EntityCard {
  entity: EntityView;
  roles: RoleView[];
  facts: FactView[];
  deals: DealView[];
  related: RelatedEntity[];
  sources: SourceSummary[];
}

export interface SourceView {
  source: SourceDoc & { packId: string };
  roles: RoleView[];
  facts: FactView[];
  deals: DealView[];
  /** Entities that list this source among theirs. */
  entities: EntitySummary[];
}

/**
 * One matcher dictionary entry (the shape of lib/match's DictionaryEntity, keyed by
 * `entityId`): the same entity id in several packs is merged into one, aliases, titles and
 * cues united, name and type from the highest-priority pack.
 */
export type DictionaryEntry = Omit<AliasRow, 'keys'>;
