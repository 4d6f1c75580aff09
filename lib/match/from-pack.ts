import type { EntityType, FactPack } from '../pack/types';
import type { DictionaryEntity } from './dictionary';

/** The matcher's view of a pack: entities with their aliases, titles from their roles. */
export function dictionaryEntities(pack: Pick<FactPack, 'entities' | 'roles'>, types?: readonly EntityType[]): DictionaryEntity[] {
  const titles = new Map<string, string[]>();
  for (const role of pack.roles) titles.set(role.personId, [...(titles.get(role.personId) ?? []), role.title]);
  return pack.entities
    .filter((e) => !types || types.includes(e.type))
    .map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, country: e.country, titles: titles.get(e.id), cues: e.cues }));
}

/** Outlets are in the pack for their cards and citations, not marked by default. */
export const DEFAULT_MARK_TYPES: readonly EntityType[] = ['person', 'organisation', 'place', 'initiative'];
