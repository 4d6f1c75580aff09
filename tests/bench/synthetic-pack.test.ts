import { describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/pack/validate';
import { acronymOf, aliasCount, rngFrom, syntheticPack } from '../../scripts/bench/synthetic-pack';
import { syntheticBlocks } from '../../scripts/bench/synthetic-text';

describe('synthetic packs', () => {
  const small = syntheticPack({ entities: 300 });

  it('are valid fact packs: references, quotes in their sources, no clashing unambiguous aliases', () => {
    const result = validatePack(small);
    expect(result.ok ? [] : result.errors.slice(0, 3)).toEqual([]);
    expect(small.entities).toHaveLength(300);
    expect(small.sources.length).toBe(6);
    expect(small.roles.length).toBeGreaterThan(50);
    expect(small.deals.length).toBeGreaterThan(0);
  });

  it('are the same for the same seed, and differ for another', () => {
    expect(syntheticPack({ entities: 300 })).toEqual(small);
    expect(syntheticPack({ entities: 300, seed: 2 }).entities[0]).not.toEqual(small.entities[0]);
  });

  it('are prefix-stable: a bigger pack starts with the entities of a smaller one', () => {
    expect(syntheticPack({ entities: 1000 }).entities.slice(0, 300)).toEqual(small.entities);
  });

  it.each([50, 100, 1000, 2500])('can be sized by alias count (%i)', (n) => {
    const pack = syntheticPack({ aliases: n });
    expect(aliasCount(pack)).toBe(n);
    expect(validatePack(pack).ok).toBe(true);
  });

  it('hold realistic aliases: multi-word names, acronyms, surnames, some Chinese', () => {
    const aliases = syntheticPack({ entities: 2000 }).entities.flatMap((e) => e.aliases);
    const share = (test: (a: (typeof aliases)[number]) => boolean) => aliases.filter(test).length / aliases.length;
    expect(share((a) => a.kind === 'name' && a.text.includes(' '))).toBeGreaterThan(0.3);
    expect(share((a) => a.kind === 'acronym')).toBeGreaterThan(0.1);
    expect(share((a) => a.kind === 'surname')).toBeGreaterThan(0.1);
    expect(share((a) => /\p{Script=Han}/u.test(a.text))).toBeGreaterThan(0.02);
  });
});

describe('helpers', () => {
  it.each([
    ['Punjab Textile Exporters Association', 'PTEA'],
    ['National Energy Regulatory Authority of Pakistan', 'NERAP'],
    ['Gilgit-Baltistan Water Board', 'GBWB'],
    ['Board of Investment and Trade', 'BIT'],
  ])('acronymOf(%s) is %s', (name, acronym) => expect(acronymOf(name)).toBe(acronym));

  it('rngFrom is deterministic and in [0, 1)', () => {
    const a = rngFrom(42);
    const b = rngFrom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it('synthetic text has the asked length and mentions the names', () => {
    const blocks = syntheticBlocks({ chars: 20_000, names: ['Khalil Hashmi'], wordsPerName: 20 });
    expect(blocks.join('\n')).toHaveLength(20_000);
    expect(blocks.join('\n').split('Khalil Hashmi').length).toBeGreaterThan(20);
    expect(syntheticBlocks({ chars: 5000, names: ['x'] })).toEqual(syntheticBlocks({ chars: 5000, names: ['x'] }));
  });
});
