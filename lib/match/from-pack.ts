import type { EntityType, FactPack } from '../pack/types';

/** Entities that vouch for each other on a page: a person and their organisations, partners in a deal. */
function relatedIds(pack: Pick<FactPack, 'entities' | 'roles' | 'deals'>): Map<string, Set<string>> {
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    (related.get(a) ?? related.set(a, new Set()).get(a)!).add(b);
    (related.get(b) ?? related.set(b, new Set()).get(b)!).add(a);
  };
  for (const e of pack.entities) for (const org of e.memberOf ?? []) link(e.id, org);
  for (const r of pack.roles) if (r.orgId) link(r.personId, r.orgId);
  for (const d of pack.deals) {
    const all = [...d.parties, ...(d.involved ?? [])];
    for (const a of all) for (const b of all) link(a, b);
  }
  return related;
}
import type { DictionaryEntity } from './dictionary';

/** The matcher's view of a pack: entities with their aliases, titles from their roles. */
export function dictionaryEntities(pack: Pick<FactPack, 'entities' | 'roles' | 'deals'>, types?: readonly EntityType[]): DictionaryEntity[] {
  const related = relatedIds(pack);
  const titles = new Map<string, string[]>();
  for (const role of pack.roles) titles.set(role.personId, [...(titles.get(role.personId) ?? []), role.title]);
  return pack.entities
    .filter((e) => !types || types.includes(e.type))
    .map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, country: e.country, titles: titles.get(e.id), cues: e.cues, related: [...(related.get(e.id) ?? [])] }));
}

/** Outlets are in the pack for their cards and citations, not marked by default. */
export const DEFAULT_MARK_TYPES: readonly EntityType[] = ['person', 'organisation', 'place', 'initiative'];
