/**
 * Seeded synthetic fact packs for the benchmarks: full FactPack objects (entities with
 * realistic aliases, sources whose text mentions them, roles, facts and deals citing
 * those sources) that pass validatePack, so the matcher, the store and the search
 * benchmarks all run on the same data.
 *
 * Deterministic and prefix-stable: the same seed gives the same pack, and the first k
 * entities of a bigger pack are exactly those of a smaller one (each entity draws from
 * its own random stream, and names are made unique in order), so a text that mentions
 * entities of the 100k pack mentions the 1k pack's too.
 */
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Alias, type Deal, type Entity, type EntityType, type FactPack, type Fact, type Role, type SourceDoc } from '../../lib/pack/types';
import { ADJECTIVES, CULTURES, FIELDS, HAN_FIELDS, HAN_HEADS, HAN_REGIONS, HEADS, INITIATIVE_NOUNS, MIDDLE, PLACE_END, PLACE_MIDDLE, PLACE_START, REGIONS, TITLES, type Culture } from './name-pools';

export interface SyntheticOptions {
  /** Default 1. */
  seed?: number;
  /** How many entities (default 1000), unless `aliases` is given. */
  entities?: number;
  /** Stop once the entities hold this many aliases in all (the last one is trimmed to fit). */
  aliases?: number;
  /** Pack id; default `synthetic-<size>`. */
  id?: string;
}

/** Entities per source document. */
export const ENTITIES_PER_SOURCE = 50;

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough to pick words. */
export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** Each entity's own stream: entity i is the same whatever the pack's size. */
const entityRng = (seed: number, i: number): Rng => rngFrom(Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(i + 1, 0x9e3779b1));

const STOP = new Set(['of', 'and', 'the', 'for', 'in', 'de']);

/** "Punjab Textile Exporters Association" → "PTEA". */
export function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !STOP.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

interface Draft {
  type: EntityType;
  name: string;
  aliases: Alias[];
  country: string;
  /** What the source sentence says about it. */
  phrase: string;
  title?: string;
}

/** Unambiguous aliases must be unique in a pack (validatePack's clash rule): the keys taken so far. */
type Taken = Set<string>;
const keyOf = (text: string) => text.toLowerCase();

function claim(taken: Taken, text: string): boolean {
  const key = keyOf(text);
  if (taken.has(key)) return false;
  taken.add(key);
  return true;
}

function weightedCulture(rng: Rng): Culture {
  const r = rng();
  return r < 0.4 ? 'pk' : r < 0.7 ? 'cn' : r < 0.8 ? 'ar' : 'west';
}

function person(rng: Rng, taken: Taken): Draft {
  const culture = weightedCulture(rng);
  const pool = CULTURES[culture];
  let given = pick(rng, pool.given);
  let family = pick(rng, pool.family);
  let name = `${given} ${family}`;
  for (let attempt = 0; !claim(taken, name); attempt++) {
    given = pick(rng, pool.given);
    family = pick(rng, pool.family);
    const middles = attempt < 12 ? [pick(rng, MIDDLE)] : [pick(rng, MIDDLE), pick(rng, MIDDLE)];
    name = attempt < 4 ? `${given} ${family}` : `${given} ${middles.join(' ')} ${family}`;
  }
  const aliases: Alias[] = [{ text: name, kind: 'name' }];
  if (culture === 'cn') {
    const reversed = `${name.split(' ').slice(1).join(' ')} ${name.split(' ')[0]}`;
    if (rng() < 0.5 && claim(taken, reversed)) aliases.push({ text: reversed, kind: 'name' });
    const han = `${pick(rng, CULTURES.cn.hanFamily)}${pick(rng, CULTURES.cn.hanGiven)}`;
    if (rng() < 0.5 && claim(taken, han)) aliases.push({ text: han, kind: 'name' });
  }
  // As the curated seed pack writes them: a bare surname or given name is case-sensitive
  // ("Li", never "li") and needs the full name earlier on the page.
  aliases.push({ text: family, kind: 'surname', caseSensitive: true, ambiguous: true });
  if (rng() < 0.15) aliases.push({ text: given, kind: 'given', caseSensitive: true, ambiguous: true });
  return { type: 'person', name, aliases, country: pool.country, phrase: '', title: pick(rng, TITLES) };
}

const countryOfRegion = (region: string): string => {
  const i = REGIONS.indexOf(region);
  return i < 13 ? 'PK' : i < 22 ? 'CN' : i < 24 ? 'AE' : 'GB';
};

function organisation(rng: Rng, taken: Taken): Draft {
  let name = '';
  let region = pick(rng, REGIONS);
  let field = '';
  let head = '';
  for (let attempt = 0; name === '' || !claim(taken, name); attempt++) {
    region = pick(rng, REGIONS);
    field = pick(rng, FIELDS);
    head = pick(rng, HEADS);
    const family = pick(rng, CULTURES.pk.family);
    const shape = attempt < 6 ? Math.floor(rng() * 3) : 3;
    name = [`${region} ${field} ${head}`, `${pick(rng, ADJECTIVES)} ${field} ${head}${rng() < 0.3 ? ' of Pakistan' : ''}`, `${family} ${field} ${head}`, `${region} ${pick(rng, ADJECTIVES)} ${field} ${head}`][shape]!;
  }
  const aliases: Alias[] = [{ text: name, kind: 'name' }];
  const acronym = acronymOf(name);
  // Acronyms of four letters or fewer are ambiguous (may be shared); longer ones must be unique.
  if (acronym.length >= 2 && (acronym.length <= 4 || claim(taken, acronym))) aliases.push({ text: acronym, kind: 'acronym' });
  if (rng() < 0.3) aliases.push({ text: `${field} ${head}`, kind: 'short' });
  if (rng() < 0.15) {
    const han = `${pick(rng, HAN_REGIONS)}${pick(rng, HAN_FIELDS)}${pick(rng, HAN_HEADS)}`;
    if (claim(taken, han)) aliases.push({ text: han, kind: 'name' });
  }
  return { type: 'organisation', name, aliases, country: countryOfRegion(region), phrase: `announced a new ${pick(rng, FIELDS).toLowerCase()} project` };
}

function place(rng: Rng, taken: Taken): Draft {
  let name = '';
  for (let attempt = 0; name === '' || !claim(taken, name); attempt++) {
    const base = `${pick(rng, PLACE_START)}${pick(rng, PLACE_MIDDLE)}${pick(rng, PLACE_END)}`;
    name = attempt < 3 ? base : rng() < 0.5 ? `${pick(rng, ['New', 'Old', 'Upper', 'Lower'])} ${base}` : `${base} ${pick(rng, ['Kalan', 'Khurd', 'Cantonment', 'Town', 'Junction', 'Mandi'])}`;
  }
  return { type: 'place', name, aliases: [{ text: name, kind: 'name' }], country: 'PK', phrase: 'reported heavy rain' };
}

function initiative(rng: Rng, taken: Taken): Draft {
  let name = '';
  for (let attempt = 0; name === '' || !claim(taken, name); attempt++) {
    const year = 2020 + Math.floor(rng() * 15);
    name = rng() < 0.5 ? `${pick(rng, REGIONS)} ${pick(rng, FIELDS)} ${pick(rng, INITIATIVE_NOUNS)}` : `${pick(rng, ADJECTIVES)} ${pick(rng, FIELDS)} ${pick(rng, INITIATIVE_NOUNS)} ${year}`;
  }
  const aliases: Alias[] = [{ text: name, kind: 'name' }];
  const acronym = acronymOf(name);
  if (acronym.length >= 3 && (acronym.length <= 4 || claim(taken, acronym))) aliases.push({ text: acronym, kind: 'acronym' });
  return { type: 'initiative', name, aliases, country: 'PK', phrase: 'completed its first phase' };
}

function draft(rng: Rng, taken: Taken): Draft {
  const r = rng();
  if (r < 0.5) return person(rng, taken);
  if (r < 0.85) return organisation(rng, taken);
  if (r < 0.93) return place(rng, taken);
  return initiative(rng, taken);
}

/** A stand-in for the sha-256 the compiler writes: 64 hex digits that change with the options. */
function pseudoHash(text: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** The source document of one block of entities, and the records that cite it. */
function block(drafts: readonly Draft[], first: number, sourceId: string, rng: Rng) {
  const sentences: string[] = [];
  const entities: Entity[] = [];
  const roles: Role[] = [];
  const facts: Fact[] = [];
  const deals: Deal[] = [];
  const ids = drafts.map((d, k) => `${d.type}-${first + k}`);
  let org: { id: string; name: string } | undefined;
  const orgs: Array<{ id: string; name: string }> = [];
  drafts.forEach((d, k) => {
    const id = ids[k]!;
    const entity: Entity = { id, type: d.type, name: d.name, description: `Synthetic ${d.type} ${first + k}, generated for the benchmarks.`, aliases: d.aliases, country: d.country, sources: [sourceId] };
    let sentence: string;
    if (d.type === 'person') {
      const at = org ? ` of the ${org.name}` : '';
      sentence = `${d.title} ${d.name}${at} said on Monday that talks would continue.`;
      if (org) {
        entity.memberOf = [org.id];
        roles.push({ id: `role-${first + k}`, personId: id, title: d.title!, orgId: org.id, sourceId, quote: `${d.title} ${d.name}${at}` });
      }
    } else if (d.type === 'organisation') {
      const acronym = d.aliases.find((a) => a.kind === 'acronym');
      const value = 1 + Math.floor(rng() * 900);
      sentence = `The ${d.name}${acronym ? ` (${acronym.text})` : ''} ${d.phrase} worth ${value} million dollars.`;
      facts.push({ id: `fact-${first + k}-value`, entityIds: [id], text: `${d.name} ${d.phrase} worth ${value} million dollars.`, figure: { value: value * 1e6, unit: 'USD', measure: 'project value' }, sourceId, quote: sentence });
      org = { id, name: d.name };
      orgs.push(org);
    } else {
      sentence = `The ${d.name} ${d.phrase}, officials said.`;
    }
    sentences.push(sentence);
    if (d.type !== 'organisation') facts.push({ id: `fact-${first + k}`, entityIds: [id], text: sentence, sourceId, quote: sentence });
    entities.push(entity);
  });
  if (orgs.length >= 2) {
    const [a, b] = [orgs[0]!, orgs[1]!];
    const quote = `The ${a.name} and the ${b.name} signed an agreement on cooperation.`;
    sentences.push(quote);
    deals.push({ id: `deal-${first}`, title: `${a.name} – ${b.name} agreement`, kind: 'agreement', status: 'signed', parties: [a.id, b.id], date: { year: 2025, month: 1 + (first % 12) }, summary: 'A synthetic cooperation agreement.', sourceId, quote });
  }
  const source: SourceDoc = { id: sourceId, title: `Synthetic report ${sourceId}`, outlet: 'Synthetic Wire', date: { year: 2025, month: 1 + (first % 12), day: 1 + (first % 28) }, language: 'en', text: sentences.join(' ') };
  return { source, entities, roles, facts, deals };
}

export function syntheticPack(options: SyntheticOptions = {}): FactPack {
  const seed = options.seed ?? 1;
  const maxEntities = options.aliases !== undefined ? Number.POSITIVE_INFINITY : (options.entities ?? 1000);
  const taken: Taken = new Set();
  const drafts: Draft[] = [];
  let aliasCount = 0;
  for (let i = 0; i < maxEntities && (options.aliases === undefined || aliasCount < options.aliases); i++) {
    const d = draft(entityRng(seed, i), taken);
    if (options.aliases !== undefined && aliasCount + d.aliases.length > options.aliases) d.aliases = d.aliases.slice(0, Math.max(1, options.aliases - aliasCount));
    aliasCount += d.aliases.length;
    drafts.push(d);
  }
  const size = options.aliases !== undefined ? `${options.aliases}-aliases` : `${drafts.length}`;
  const pack: FactPack = { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, id: options.id ?? `synthetic-${size}`, name: `Synthetic pack (${size}, seed ${seed})`, version: '1.0.0', hash: pseudoHash(`${seed}:${size}`), sources: [], entities: [], roles: [], facts: [], deals: [] };
  for (let first = 0; first < drafts.length; first += ENTITIES_PER_SOURCE) {
    const part = block(drafts.slice(first, first + ENTITIES_PER_SOURCE), first, `src-${first / ENTITIES_PER_SOURCE}`, rngFrom(seed + first));
    pack.sources.push(part.source);
    pack.entities.push(...part.entities);
    pack.roles.push(...part.roles);
    pack.facts.push(...part.facts);
    pack.deals.push(...part.deals);
  }
  return pack;
}

/** How many aliases a pack's entities list (the canonical names are listed as aliases here). */
export const aliasCount = (pack: Pick<FactPack, 'entities'>): number => pack.entities.reduce((n, e) => n + e.aliases.length, 0);
