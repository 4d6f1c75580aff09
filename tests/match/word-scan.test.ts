import { describe, expect, it } from 'vitest';
import { buildAutomaton, scanAutomaton } from '../../lib/match/automaton';
import { buildDictionary } from '../../lib/match/dictionary';
import { findCandidates, longestLeftmost, type Candidate } from '../../lib/match/find-candidates';
import { foldText, isWordChar } from '../../lib/match/normalize';
import { isWordCode, scanWords } from '../../lib/match/word-scan';
import { boundedSpans } from '../../scripts/bench/matcher';
import { syntheticPack } from '../../scripts/bench/synthetic-pack';
import { syntheticBlocks } from '../../scripts/bench/synthetic-text';
import { DEFAULT_MARK_TYPES, dictionaryEntities } from '../../lib/match/from-pack';

// The scan skips whole words that begin no key: check that it finds what the full
// Aho–Corasick automaton finds once word boundaries are applied (findCandidates).
describe('scanWords', () => {
  // What findCandidates keeps: a word boundary at each end, except beside scripts without spaces.
  const unspaced = (ch: string | undefined) => /[\p{Script=Han}\p{Script=Thai}]/u.test(ch ?? '');
  const bounded = (text: string, keys: string[], list: string[]) =>
    list
      .filter((m) => {
        const [s, e, k] = m.split(':').map(Number);
        const key = keys[k!]!;
        return (unspaced(key[0]) || !isWordChar(text[s! - 1])) && (unspaced(key.at(-1)) || !isWordChar(text[e!]));
      })
      .sort();

  it.each([
    ['x khan y', ['khan', 'an']],
    ['imrankhan khan', ['khan']],
    ['(dea) group', ['(dea)', 'dea']],
    ['a(dea)', ['(dea)', 'dea']],
    ['习近平访问巴基斯坦', ['习近平', '巴基斯坦', '近平']],
    ['e2e 2e', ['2e']],
    ['k', ['k']],
    ['', ['k']],
    ["xi'an and xi an", ["xi'an", 'xi']],
    ['kp投资局 kp', ['kp投资局', 'kp']],
    ['board of investment board of investors', ['board of investment', 'board', 'board of']],
    ['moskva москва москвы', ['москва', 'moskva']],
    ['\u0e01\u0e32\u0e23\u0e04\u0e49\u0e32 \u0e4f\u0e01\u0e32\u0e23', ['\u0e01\u0e32\u0e23', '\u0e04\u0e49\u0e32']],
    ['𝐀bc abc', ['abc']],
    ['pakistan pakistani pakistan.', ['pakistan', 'pakistani']],
    // The table stores a word's length and the check reads back from the word's end: a
    // longer word ending in a key (or the key at the very start or end) must be told apart.
    ['khan', ['khan']],
    ['xkhan khan', ['khan']],
    ['khanx', ['khan']],
    ['2khan', ['khan']],
    // "a" then U+0C20 (97 << 5) cancel out in the hash: the word has the hash of "khan".
    ['a\u0c20khan khan', ['khan']],
    ['sékhan khan', ['khan']],
    // Word characters seen here for the first time, in the middle of a word.
    ['ǆkhan khanǆ ǆ khan', ['khan', 'ǆ']],
    ['\u0915\u093f\u0924\u093e\u092c \u0915\u093f\u0924\u093e\u092c', ['\u0915\u093f\u0924\u093e\u092c']],
    // A key's first word ending at a character keys begin with, and at a script without spaces.
    ['kp(kp) kp', ['kp', '(kp)']],
    ['kp投资 kp', ['kp', '投资']],
  ])('in %j finds exactly the word-bounded occurrences of %j', (text, keys) => {
    const a = buildAutomaton(keys);
    const all: string[] = [];
    scanAutomaton(a, text, (s, e, k) => all.push(`${s}:${e}:${k}`));
    const words: string[] = [];
    scanWords(a, text, (s, e, k) => words.push(`${s}:${e}:${k}`));
    expect(bounded(text, keys, words)).toEqual(bounded(text, keys, all));
    // And it reports no word-start occurrence that the boundary rule would then drop.
    const startsWord = (key: string) => isWordChar(key[0]) && !unspaced(key[0]);
    expect(words.filter((m) => startsWord(keys[Number(m.split(':')[2])]!) && isWordChar(text[Number(m.split(':')[0]) - 1]))).toEqual([]);
  });

  it('reports in order of start, each start once per key', () => {
    const a = buildAutomaton(['board', 'board of investment', 'investment']);
    const found: Array<[number, number, number]> = [];
    scanWords(a, 'the board of investment met', (s, e, k) => found.push([s, e, k]));
    expect(found).toEqual([[4, 9, 0], [4, 23, 1], [13, 23, 2]]);
  });

  it('finds each of 5,000 first words, and not the longer words that begin with them', () => {
    // Many keys, so many first words share hash buckets; every one must still be found, and no other word.
    const keys = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const a = buildAutomaton(keys);
    const text = keys.join(' ') + ' ' + keys.map((k) => `${k}é`).join(' ');
    const found: number[] = [];
    scanWords(a, text, (_s, _e, k) => found.push(k));
    expect(found).toEqual(keys.map((_, i) => i));
  });

  it('reports past its first buffer, and lets a caller scan again from inside onMatch', () => {
    // The scan's results live in one shared buffer: scanWords hands out a copy.
    const a = buildAutomaton(['kp', 'khan']);
    const text = Array.from({ length: 3000 }, (_, i) => (i % 2 ? 'kp' : 'khan')).join(' ');
    const outer: number[] = [];
    let inner = 0;
    scanWords(a, text, (s, _e, k) => {
      outer.push(k);
      if (s === 0) scanWords(a, 'kp khan kp', () => inner++);
    });
    expect(outer).toEqual(Array.from({ length: 3000 }, (_, i) => (i % 2 ? 0 : 1)));
    expect(inner).toBe(3);
  });

  it('keeps what it learns about characters per automaton', () => {
    // "(" begins a key of the first automaton only: scanning with one must not change the other.
    const withParen = buildAutomaton(['(dea)', 'dea']);
    const without = buildAutomaton(['dea']);
    const text = '(dea) x(dea) dea';
    const run = (a: ReturnType<typeof buildAutomaton>) => {
      const found: string[] = [];
      scanWords(a, text, (s, e, k) => found.push(`${s}:${e}:${k}`));
      return found;
    };
    for (let i = 0; i < 2; i++) {
      expect(run(withParen)).toEqual(['0:5:0', '1:4:1', '7:12:0', '8:11:1', '13:16:1']);
      expect(run(without)).toEqual(['1:4:0', '8:11:0', '13:16:0']);
    }
  });

  it('isWordCode agrees with isWordChar on every code unit', () => {
    for (let c = 0; c < 65536; c += 7) expect(isWordCode(c), `U+${c.toString(16)}`).toBe(isWordChar(String.fromCharCode(c)));
  });

  it('agrees with the full automaton on a synthetic pack and text', () => {
    const pack = syntheticPack({ aliases: 3000 });
    const dict = buildDictionary(dictionaryEntities(pack, DEFAULT_MARK_TYPES));
    const names = pack.entities.flatMap((e) => e.aliases.map((a) => a.text));
    const text = foldText(syntheticBlocks({ chars: 200_000, names, wordsPerName: 8 }).join('\n')).lower;
    const words = boundedSpans(dict, text, scanWords);
    expect(words.length).toBeGreaterThan(1000);
    expect(words).toEqual(boundedSpans(dict, text, scanAutomaton));
  });
});

describe('findCandidates', () => {
  it('keeps the longest leftmost candidates as the scan reports them, as sorting them all would', () => {
    const pack = syntheticPack({ aliases: 3000, seed: 5 });
    const dict = buildDictionary(dictionaryEntities(pack, DEFAULT_MARK_TYPES));
    const names = pack.entities.flatMap((e) => e.aliases.map((a) => a.text));
    const folded = foldText(syntheticBlocks({ chars: 100_000, names, wordsPerName: 3, seed: 5 }).join('\n'));
    const all: Candidate[] = [];
    scanAutomaton(dict.automaton, folded.lower, (start, end, key) => {
      const p = dict.patterns[key]!;
      if (!p.openStart && isWordChar(folded.lower[start - 1])) return;
      if (!p.openEnd && isWordChar(folded.lower[end])) return;
      const senses = p.senses.filter((s) => !s.caseSensitive || s.cased === folded.cased.slice(start, end));
      if (senses.length > 0) all.push({ start, end, pattern: key, senses });
    });
    const expected = longestLeftmost(all);
    expect(expected.length).toBeGreaterThan(500);
    expect(findCandidates(dict, folded).map((c) => [c.start, c.end, c.pattern, c.senses.length])).toEqual(expected.map((c) => [c.start, c.end, c.pattern, c.senses.length]));
  });
});
