/**
 * Section 1: matching in Node. Our matcher (the automaton scan alone, and the whole
 * pipeline: folding, candidates, context rules) beside (a) a loop that only reads every
 * character code, the most JavaScript can do per character, and (b) one alternation
 * regex of every alias. Real page text from the corpus and synthetic 1 MB / 10 MB text;
 * the seed pack and synthetic packs of 1k, 10k and 100k aliases.
 */
import { scanAutomaton, type Automaton } from '../../lib/match/automaton';
import { buildDictionary, type Dictionary } from '../../lib/match/dictionary';
import { findCandidates, longestLeftmost, type Candidate } from '../../lib/match/find-candidates';
import { findMentions } from '../../lib/match/find-mentions';
import { foldText, isWordChar } from '../../lib/match/normalize';
import { scanWords } from '../../lib/match/word-scan';
import { runAlternation, type RegexRun } from './alternation-regex';
import { collectGarbage, emptySection, memoryNow, resultsPath, type BenchContext, type SectionResult } from './context';
import { corpusBlocks, corpusDir, listCorpus } from './corpus';
import { benchPack, namesOf, seedPack, sizeLabel, syntheticByAliases, type BenchPack } from './packs';
import { fmt, fmtBytes, mbPerSecond, timeRepeated, type Table } from './stats';
import { syntheticBlocks } from './synthetic-text';

interface BenchText {
  label: string;
  blocks: string[];
  /** blocks.join('\n') */
  joined: string;
  folded: string;
  foldedCased: string;
}

/** (a): reads every UTF-16 code unit and nothing else. */
export function rawLoop(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  return h;
}

export function automatonBytes(a: Automaton): number {
  return [a.keyLengths, a.root, a.first, a.count, a.codes, a.targets, a.fail, a.output, a.outLink].reduce((n, t) => n + t.byteLength, 0);
}

const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** What `\b` means to a non-Unicode JavaScript regex: a change between \w and \W. */
function asciiBoundary(text: string, at: number): boolean {
  const before = at > 0 && isAsciiWord(text.charCodeAt(at - 1));
  const after = at < text.length && isAsciiWord(text.charCodeAt(at));
  return before !== after;
}

/** The automaton's occurrences under the regex's rules (\b at both ends, longest leftmost): they must be the regex's matches. */
export function automatonAsRegex(dict: Dictionary, folded: string, until = folded.length): Array<[number, number]> {
  const found: Candidate[] = [];
  scanAutomaton(dict.automaton, folded, (start, end, key) => {
    if (end > until || !asciiBoundary(folded, start) || !asciiBoundary(folded, end)) return;
    found.push({ start, end, pattern: key, senses: [] });
  });
  return longestLeftmost(found).map((c) => [c.start, c.end]);
}

type Scan = typeof scanAutomaton;
/** The scan findCandidates runs (lib/match/word-scan.ts). */
export const matcherScan: { name: string; scan: Scan } = { name: 'word scan', scan: scanWords };

/** Spans that pass the matcher's word-boundary rule (findCandidates), from a given scan. */
export function boundedSpans(dict: Dictionary, folded: string, scan: Scan): string[] {
  const out: string[] = [];
  scan(dict.automaton, folded, (start, end, key) => {
    const p = dict.patterns[key]!;
    if (!p.openStart && isWordChar(folded[start - 1])) return;
    if (!p.openEnd && isWordChar(folded[end])) return;
    out.push(`${start}:${end}:${key}`);
  });
  return out.sort();
}

export interface Agreement {
  automaton: number;
  regex: number;
  both: number;
  /** Matches in both / matches in either. */
  ratio: number;
  examples: string[];
}

export function compareMatches(text: string, ours: ReadonlyArray<[number, number]>, regex: ReadonlyArray<[number, number]>): Agreement {
  const key = ([s, e]: [number, number]) => `${s}:${e}`;
  const a = new Set(ours.map(key));
  const b = new Set(regex.map(key));
  let both = 0;
  for (const k of a) if (b.has(k)) both++;
  const union = a.size + b.size - both;
  const examples: string[] = [];
  for (const [label, mine, other] of [['automaton only', ours, b], ['regex only', regex, a]] as const) {
    for (const m of mine) {
      if (examples.length >= 6) break;
      if (!other.has(key(m))) examples.push(`${label}: "${text.slice(m[0], m[1])}" at ${m[0]}`);
    }
  }
  return { automaton: a.size, regex: b.size, both, ratio: union === 0 ? 1 : both / union, examples };
}

async function loadTexts(ctx: BenchContext, names: string[], notes: string[]): Promise<BenchText[]> {
  const texts: BenchText[] = [];
  const make = (label: string, blocks: string[]): BenchText => {
    const joined = blocks.join('\n');
    const folded = foldText(joined);
    return { label, blocks, joined, folded: folded.lower, foldedCased: folded.cased };
  };
  const pages = listCorpus(corpusDir(ctx.root)).filter((p) => !p.synthetic);
  if (pages.length === 0) notes.push(`Corpus text skipped: ${corpusDir(ctx.root)} is absent.`);
  else {
    const chosen = ctx.quick ? pages.filter((_, i) => i % 6 === 0) : pages;
    const byPage = await corpusBlocks(chosen, resultsPath(ctx, 'corpus-text-cache.json'));
    const blocks = [...byPage.values()].flat();
    texts.push(make(`corpus (${chosen.length} pages)`, blocks));
  }
  texts.push(make('synthetic 1 MB', syntheticBlocks({ chars: 1_000_000, names, seed: 11 })));
  if (!ctx.quick) texts.push(make('synthetic 10 MB', syntheticBlocks({ chars: 10_000_000, names, seed: 12 })));
  return texts;
}

interface Built {
  pack: BenchPack;
  dict: Dictionary;
  buildMs: number;
  heapBytes: number;
  bufferBytes: number;
}

function build(pack: BenchPack): Built {
  collectGarbage();
  const before = memoryNow();
  const t = performance.now();
  const dict = buildDictionary(pack.entities);
  const buildMs = performance.now() - t;
  collectGarbage();
  const after = memoryNow();
  return { pack, dict, buildMs, heapBytes: after.heap - before.heap, bufferBytes: after.buffers - before.buffers };
}

export async function benchMatcher(ctx: BenchContext): Promise<SectionResult> {
  const out = emptySection();
  const sizes = ctx.quick ? [1_000, 100_000] : [1_000, 10_000, 100_000];
  const seed = seedPack(ctx.root);
  const packs = [benchPack('seed', seed), ...sizes.map((n) => benchPack(sizeLabel(n), syntheticByAliases(n)))];
  const biggest = syntheticByAliases(100_000);
  const names = [...namesOf(seed), ...namesOf(biggest), ...biggest.entities.flatMap((e) => e.aliases.filter((a) => /\p{Script=Han}/u.test(a.text)).map((a) => a.text))];
  // Dictionaries first, while the heap holds little else, so that their memory stands out.
  const builds: Built[] = packs.map((pack) => {
    ctx.log(`matcher: building ${pack.label} (${pack.aliases} aliases)`);
    return build(pack);
  });
  ctx.log('matcher: preparing texts');
  const texts = await loadTexts(ctx, names, out.notes);

  // Per text: the limit (raw loop) and folding alone.
  const perText = texts.map((text) => {
    const raw = timeRepeated(() => rawLoop(text.joined), { minRuns: 5 });
    const rawFolded = timeRepeated(() => rawLoop(text.folded), { minRuns: 5 });
    const fold = timeRepeated(() => foldText(text.joined), { minRuns: 3, minMs: 200 });
    return { text, rawMBps: mbPerSecond(text.joined.length, raw.timing.best), rawFoldedMBps: mbPerSecond(text.folded.length, rawFolded.timing.best), foldMBps: mbPerSecond(text.joined.length, fold.timing.best) };
  });

  // Warm-up as the background runs the matcher, block by block, for every pack: the timed
  // runs then measure the code V8 settles on. Without it, a branch first taken in the middle
  // of one long text made V8 re-enter code it had just left (thousands of deopts in one
  // scan), and the candidates column varied by half from run to run.
  const warmBlocks = texts.flatMap((text) => text.blocks.slice(0, 2000).map((block) => foldText(block)));
  for (const built of builds) for (const block of warmBlocks) findCandidates(built.dict, block);

  const equivalence: Array<{ pack: string; text: string; same: boolean }> = [];
  const runs: Array<{ pack: string; text: string; acMBps: number; scanMBps: number; pipelineMBps: number; rawMBps: number; rawFoldedMBps: number; mentions: number; occurrences: number }> = [];
  for (const built of builds) {
    const pack = built.pack;
    ctx.log(`matcher: ${pack.label} (${pack.aliases} aliases)`);
    for (const { text, rawMBps, rawFoldedMBps } of perText) {
      // Step 1 of matching as the overlay runs it (findCandidates: scan, word boundaries,
      // longest leftmost), over text folded beforehand; the full automaton beside it.
      const folded = { lower: text.folded, cased: text.foldedCased, origStart: new Uint32Array(0), origEnd: new Uint32Array(0) };
      const scan = timeRepeated(() => findCandidates(built.dict, folded), { minRuns: 5 });
      let occurrences = 0;
      const full = timeRepeated(() => {
        occurrences = 0;
        scanAutomaton(built.dict.automaton, text.folded, () => occurrences++);
      }, { minRuns: 3 });
      const pipeline = timeRepeated(() => findMentions(built.dict, text.blocks), { minRuns: 3, minMs: 200 });
      runs.push({ pack: pack.label, text: text.label, acMBps: mbPerSecond(text.folded.length, full.timing.best), scanMBps: mbPerSecond(text.folded.length, scan.timing.best), pipelineMBps: mbPerSecond(text.joined.length, pipeline.timing.best), rawMBps, rawFoldedMBps, mentions: pipeline.result.length, occurrences });
    }
  }

  // After the timings (other callbacks would make the scan's call sites polymorphic).
  if (matcherScan.scan !== scanAutomaton) {
    for (const built of builds) for (const text of texts) equivalence.push({ pack: built.pack.label, text: text.label, same: boundedSpans(built.dict, text.folded, matcherScan.scan).join() === boundedSpans(built.dict, text.folded, scanAutomaton).join() });
  }

  // (b) the alternation regex and the agreement check, on the synthetic 1 MB text.
  const regexText = texts.find((t) => t.label === 'synthetic 1 MB')!;
  const limitMs = ctx.quick ? 8_000 : 30_000;
  const regexRows: Array<{ pack: string; run: RegexRun; agreement: Agreement; ours: number; mentions: number }> = [];
  for (const built of builds) {
    ctx.log(`matcher: alternation regex, ${built.pack.label}`);
    const run = await runAlternation(built.dict.patterns.map((p) => p.key), regexText.folded, limitMs);
    const until = run.finished ? regexText.folded.length : run.reached;
    const regexMatches = Array.from(run.starts, (s, i): [number, number] => [s, run.ends[i]!]).filter(([, e]) => e <= until);
    const agreement = compareMatches(regexText.folded, automatonAsRegex(built.dict, regexText.folded, until), regexMatches);
    const ours = runs.find((r) => r.pack === built.pack.label && r.text === regexText.label)!;
    regexRows.push({ pack: built.pack.label, run, agreement, ours: ours.scanMBps, mentions: ours.mentions });
  }

  out.tables.push({
    title: 'Matcher: dictionary build (Node)',
    columns: ['pack', 'aliases', 'patterns', 'automaton states', 'build ms', 'JS heap', 'typed arrays'],
    rows: builds.map((b) => [b.pack.label, b.pack.aliases, b.dict.patterns.length, b.dict.automaton.stateCount, b.buildMs, fmtBytes(b.heapBytes), fmtBytes(b.bufferBytes)]),
    notes: ['Patterns: distinct folded aliases (the name counts as one). JS heap and typed arrays: growth after a full GC, dictionary kept alive.'],
  });
  out.tables.push({
    title: 'Matcher throughput (Node, MB/s = 10^6 characters per second)',
    columns: ['text', 'chars', 'pack', 'raw loop', 'raw (folded)', 'fold', 'Aho–Corasick', 'candidates', 'candidates / raw', 'pipeline', 'pipeline / raw', 'mentions'],
    rows: runs.map((r) => {
      const t = perText.find((p) => p.text.label === r.text)!;
      return [r.text, fmtBytes(t.text.joined.length).replace('B', 'chars'), r.pack, r.rawMBps, r.rawFoldedMBps, t.foldMBps, r.acMBps, r.scanMBps, `${fmt((100 * r.scanMBps) / r.rawFoldedMBps, 1)}%`, r.pipelineMBps, `${fmt((100 * r.pipelineMBps) / r.rawMBps, 1)}%`, r.mentions];
    }),
    notes: [
      `Throughput is the best of several runs (the machine is shared; the best run is the one least disturbed). raw loop: reads every character code and nothing else (the limit), over the page text and over the folded text (a flat string, faster to read). fold: foldText alone. Aho–Corasick: scanAutomaton, every occurrence of every alias, over the folded text. candidates: findCandidates over the same folded text (${matcherScan.name}, word boundaries, longest leftmost), compared with the raw loop over that text.`,
      equivalence.length === 0 ? 'The matcher scans with the full automaton.' : `The word scan and the full automaton give the same word-bounded candidates: ${equivalence.filter((e) => e.same).length} of ${equivalence.length} text × pack runs${equivalence.every((e) => e.same) ? '' : ` (DIFFERENT: ${equivalence.filter((e) => !e.same).map((e) => `${e.pack}/${e.text}`).join(', ')})`}.`,
      'pipeline: findMentions over the blocks (folding + scan + boundaries + context rules).',
    ],
  });
  out.tables.push({
    title: `Alternation regex vs our automaton (${regexText.label}, folded text, ${fmt(limitMs / 1000, 0)} s limit)`,
    columns: ['pack', 'regex compile ms', 'regex MB/s', 'our scan MB/s', 'ours / regex', 'regex matches', 'automaton (\\b rules)', 'agreement', 'matcher mentions'],
    rows: regexRows.map(({ pack, run, agreement, ours, mentions }) => {
      const regexMBps = run.error ? Number.NaN : mbPerSecond(run.reached, run.runMs);
      const speed = run.error ? `failed: ${run.error.slice(0, 40)}` : run.finished ? fmt(regexMBps) : `did not finish in ${fmt(limitMs / 1000, 0)} s (${fmt((100 * run.reached) / regexText.folded.length, 0)}% done, ~${fmt(regexMBps)})`;
      return [pack, run.compileMs, speed, ours, run.error ? '–' : `${fmt(ours / regexMBps)}×${run.finished ? '' : ' (≥)'}`, agreement.regex, agreement.automaton, `${fmt(100 * agreement.ratio, 2)}%`, mentions];
    }),
    notes: [
      'Agreement: the automaton\'s occurrences filtered by the regex\'s own rules (ASCII \\b at both ends, longest leftmost, no overlaps) against the regex\'s matches, over the part of the text the regex reached. 100% means both find exactly the same spans.',
      'matcher mentions: what the real pipeline marks after Unicode word boundaries, letter case of acronyms and the context rules (ambiguous surnames and acronyms need support), so fewer than the regex by design.',
      ...regexRows.flatMap((r) => r.agreement.examples.map((e) => `${r.pack}: ${e}`)),
    ],
  });

  const target = runs.find((r) => r.pack === '100k' && r.text.startsWith('corpus')) ?? runs.find((r) => r.pack === '100k')!;
  const scanRatio = target.scanMBps / target.rawFoldedMBps;
  const pipeRatio = target.pipelineMBps / target.rawMBps;
  out.targets.push({
    id: 'matcher-vs-raw',
    goal: 'the matcher at 100k aliases runs at ≥ 30% of the raw loop',
    met: scanRatio >= 0.3,
    ratio: scanRatio,
    measured: `the candidate scan (${matcherScan.name}) ${fmt(100 * scanRatio, 1)}% of the raw loop (${fmt(target.scanMBps)} / ${fmt(target.rawFoldedMBps)} MB/s over the folded ${target.text}); the whole pipeline with folding and context rules ${fmt(100 * pipeRatio, 1)}% (${fmt(target.pipelineMBps)} / ${fmt(target.rawMBps)} MB/s)`,
  });
  out.data = {
    texts: perText.map((p) => ({ label: p.text.label, chars: p.text.joined.length, blocks: p.text.blocks.length, rawMBps: p.rawMBps, foldMBps: p.foldMBps })),
    builds: builds.map((b) => ({ pack: b.pack.label, aliases: b.pack.aliases, patterns: b.dict.patterns.length, states: b.dict.automaton.stateCount, automatonBytes: automatonBytes(b.dict.automaton), buildMs: b.buildMs, heapBytes: b.heapBytes, bufferBytes: b.bufferBytes })),
    runs,
    equivalence,
    regex: regexRows.map(({ pack, run, agreement }) => ({ pack, compileMs: run.compileMs, runMs: run.runMs, finished: run.finished, reached: run.reached, error: run.error, agreement })),
  };
  return out;
}
