// The pack `npm run seeds` generates (gitignored; `npm test` builds it first) loads and
// every query answers for every record of it. Skipped when the pack has not been built.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FactPack } from '../../lib/pack/types';
import { allDeals, entitiesByAlias, entityCard, loadPack, matcherDictionary, sourceById } from '../../lib/store';
import { freshStore } from './helpers';

const path = resolve(dirname(fileURLToPath(import.meta.url)), '../../lib/pack/generated/pack.json');
const built = existsSync(path);

describe.skipIf(!built)('the generated bundled pack', () => {
  it('loads, and every entity, alias, deal and source resolves', async () => {
    const pack = JSON.parse(readFileSync(path, 'utf8')) as FactPack;
    const db = freshStore();
    const meta = await loadPack(db, pack, 'bundled');
    expect(meta.counts.entities).toBe(pack.entities.length);

    const dictionary = await matcherDictionary(db);
    expect(dictionary.map((e) => e.entityId).sort()).toEqual([...new Set(pack.entities.map((e) => e.id))].sort());
    for (const entity of pack.entities) {
      const card = await entityCard(db, entity.id);
      expect(card?.entity.id).toBe(entity.id);
      for (const alias of entity.aliases) expect((await entitiesByAlias(db, alias.text)).map((e) => e.id)).toContain(entity.id);
    }
    expect((await allDeals(db)).length).toBe(pack.deals.length);
    for (const source of pack.sources) expect((await sourceById(db, source.id))?.source.text).toBe(source.text);
  });
});
