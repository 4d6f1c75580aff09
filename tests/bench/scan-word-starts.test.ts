import { describe, expect, it } from 'vitest';
import { buildAutomaton, scanAutomaton, scanWordStarts } from '../../lib/match/automaton';
import { buildDictionary } from '../../lib/match/dictionary';
import { foldText, isWordChar } from '../../lib/match/normalize';
import { boundedSpans } from '../../scripts/bench/matcher';
import { syntheticPack } from '../../scripts/bench/synthetic-pack';
import { syntheticBlocks } from '../../scripts/bench/synthetic-text';
import { DEFAULT_MARK_TYPES, dictionaryEntities } from '../../lib/match/from-pack';

// The benchmark found the matcher's scan (word-start walk) as fast as it is: check here that
// it finds what the full Aho–Corasick automaton finds, once word boundaries are applied.
describe('scanWordStarts', () => {
  it.each([
    ['x khan y', ['khan', 'an']],
    ['imrankhan khan', ['khan']],
    ['(dea) group', ['(dea)', 'dea']],
    ['a(dea)', ['(dea)', 'dea']],
    ['习近平访问巴基斯坦', ['习近平', '巴基斯坦', '近平']],
    ['e2e 2e', ['2e']],
    ['k', ['k']],
    ['', ['k']],
  ])('in %j finds the word-bounded occurrences of %j', (text, keys) => {
    const a = buildAutomaton(keys);
    const all: string[] = [];
    scanAutomaton(a, text, (s, e, k) => all.push(`${s}:${e}:${k}`));
    const walked: string[] = [];
    scanWordStarts(a, text, (s, e, k) => walked.push(`${s}:${e}:${k}`));
    // What findCandidates keeps of them: a word boundary before each (scripts without spaces excepted).
    const open = (k: number) => /^\p{Script=Han}/u.test(keys[k]!);
    const bounded = (list: string[]) => list.filter((m) => {
      const [s, , k] = m.split(':').map(Number);
      return open(k!) || !isWordChar(text[s! - 1]);
    }).sort();
    expect(bounded(walked)).toEqual(bounded(all));
  });

  it('agrees with the full automaton on a synthetic pack and text', () => {
    const pack = syntheticPack({ aliases: 3000 });
    const dict = buildDictionary(dictionaryEntities(pack, DEFAULT_MARK_TYPES));
    const names = pack.entities.flatMap((e) => e.aliases.map((a) => a.text));
    const text = foldText(syntheticBlocks({ chars: 200_000, names, wordsPerName: 8 }).join('\n')).lower;
    const walked = boundedSpans(dict, text, scanWordStarts);
    expect(walked.length).toBeGreaterThan(1000);
    expect(walked).toEqual(boundedSpans(dict, text, scanAutomaton));
  });
});
