/** The packs the benchmarks run on: the bundled seed pack and the synthetic ones, by alias count. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_MARK_TYPES, dictionaryEntities } from '../../lib/match/from-pack';
import type { DictionaryEntity } from '../../lib/match/dictionary';
import type { FactPack } from '../../lib/pack/types';
import { aliasCount, syntheticPack } from './synthetic-pack';

export function seedPack(root: string): FactPack {
  const file = resolve(root, 'lib/pack/generated/pack.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as FactPack;
  } catch {
    throw new Error(`${file} is missing: run \`npm run seeds\` (npm run bench does it through npm run build).`);
  }
}

export interface BenchPack {
  label: string;
  pack: FactPack;
  aliases: number;
  entities: DictionaryEntity[];
}

const cache = new Map<number, FactPack>();
/** The synthetic pack with `aliases` aliases (seed 1), generated once per run. */
export function syntheticByAliases(aliases: number): FactPack {
  let pack = cache.get(aliases);
  if (!pack) {
    pack = syntheticPack({ aliases, seed: 1 });
    cache.set(aliases, pack);
  }
  return pack;
}

export const sizeLabel = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

export function benchPack(label: string, pack: FactPack): BenchPack {
  return { label, pack, aliases: aliasCount(pack), entities: dictionaryEntities(pack, DEFAULT_MARK_TYPES) };
}

/** Full names of a pack's entities (their first alias), the surfaces synthetic text mentions. */
export function namesOf(pack: FactPack): string[] {
  return pack.entities.map((e) => e.aliases[0]?.text ?? e.name);
}
