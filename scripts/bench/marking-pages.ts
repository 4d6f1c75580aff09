/**
 * The pages the marking benchmark serves: the largest real pages of the corpus, one real
 * page without a single mention, a generated article with 200+ mentions of the seed pack,
 * and a page to add a burst of paragraphs to. Each comes with the mentions our matcher
 * finds in its text in Node, so the browser's marks can be checked against them.
 */
import { readFileSync } from 'node:fs';
import { buildDictionary, type Dictionary } from '../../lib/match/dictionary';
import { findMentions } from '../../lib/match/find-mentions';
import type { FactPack } from '../../lib/pack/types';
import { corpusBlocks, corpusDir, listCorpus, servablePage, type CorpusPage } from './corpus';
import { benchPack } from './packs';
import { pick, rngFrom } from './synthetic-pack';

export interface BenchPage {
  id: string;
  label: string;
  path: string;
  html: string;
  /** Characters of text the overlay reads. */
  chars: number;
  /** Mentions of the seed pack our matcher finds in Node. */
  seedMentions: number;
}

const FILLER = [
  'officials said on Tuesday that the talks would continue next month',
  'the agreement covers medical equipment, training and joint research',
  'according to a statement released after the meeting in the capital',
  'trade between the two countries grew by 12 percent last year',
  'the delegation also visited several factories and a new hospital',
];

/** Full names of the seed pack that stand on their own (no context rule needs support for them). */
function seedNames(seed: FactPack): string[] {
  return seed.entities.filter((e) => e.type !== 'outlet').map((e) => e.name).filter((n) => !/[(),.]/.test(n));
}

export function mentionsArticle(seed: FactPack, paragraphs: number, seedNumber = 5): string[] {
  const rng = rngFrom(seedNumber);
  const names = seedNames(seed);
  return Array.from({ length: paragraphs }, (_, i) => {
    const picks = [pick(rng, names), pick(rng, names), pick(rng, names), pick(rng, names)];
    return `On day ${i + 1}, ${picks[0]} met ${picks[1]}; ${pick(rng, FILLER)}. Later ${picks[2]} and ${picks[3]} spoke to reporters, and ${pick(rng, FILLER)}.`;
  });
}

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article><h1>${title}</h1>${body}</article></main></body></html>`;
const paras = (texts: readonly string[]) => texts.map((t) => `<p>${t}</p>`).join('\n');

function counted(dict: Dictionary, blocks: readonly string[]): number {
  return findMentions(dict, blocks).length;
}

export interface PageSet {
  largest: BenchPage[];
  mentions: BenchPage;
  noMentions: BenchPage | undefined;
  dynamic: BenchPage;
  /** What to add in the burst (100 paragraphs) and the mentions they hold, page-wide. */
  burst: { paragraphs: string[]; mentionsAfter: number };
  notes: string[];
}

export async function benchPages(root: string, seed: FactPack, cacheFile: string, largestCount: number): Promise<PageSet> {
  const dict = buildDictionary(benchPack('seed', seed).entities);
  const notes: string[] = [];
  const corpus = listCorpus(corpusDir(root)).filter((p) => !p.synthetic);
  const largest: BenchPage[] = [];
  let noMentions: BenchPage | undefined;
  if (corpus.length === 0) notes.push(`Real pages skipped: ${corpusDir(root)} is absent.`);
  else {
    const byBytes = [...corpus].sort((a, b) => b.bytes - a.bytes);
    const candidates = byBytes.slice(0, 30);
    const texts = await corpusBlocks(candidates, cacheFile);
    const chars = (p: CorpusPage) => (texts.get(p.id) ?? []).reduce((n, b) => n + b.length, 0);
    // The most text first (what the matcher reads), then the most HTML (what the DOM walk visits).
    const chosen = [...candidates].sort((a, b) => chars(b) - chars(a)).slice(0, Math.max(1, largestCount - 1));
    if (largestCount > 1 && !chosen.includes(byBytes[0]!)) chosen.push(byBytes[0]!);
    for (const p of chosen) {
      largest.push({ id: p.id, label: `${p.id} (${(p.bytes / 1e6).toFixed(1)} MB HTML, ${(chars(p) / 1000).toFixed(0)}k chars)`, path: `/real/${largest.length}.html`, html: servablePage(readFileSync(p.file, 'utf8')), chars: chars(p), seedMentions: counted(dict, texts.get(p.id) ?? []) });
    }
    // A typical news article (median size of the news benchmark pages) that mentions nothing of ours.
    const news = corpus.filter((p) => p.id.startsWith('article-extraction-benchmark/')).sort((a, b) => a.bytes - b.bytes);
    const middle = news.slice(Math.floor(news.length / 2) - 10, Math.floor(news.length / 2) + 10);
    const middleTexts = await corpusBlocks(middle, cacheFile);
    const quiet = middle.find((p) => counted(dict, middleTexts.get(p.id) ?? []) === 0 && (middleTexts.get(p.id) ?? []).length > 20);
    if (quiet) {
      const blocks = middleTexts.get(quiet.id)!;
      noMentions = { id: quiet.id, label: `${quiet.id} (${(quiet.bytes / 1e3).toFixed(0)} kB HTML, ${quiet.site})`, path: '/quiet.html', html: servablePage(readFileSync(quiet.file, 'utf8')), chars: blocks.reduce((n, b) => n + b.length, 0), seedMentions: 0 };
    } else notes.push('No corpus page without mentions found for the idle-cost run.');
  }
  const article = mentionsArticle(seed, 70);
  const mentions: BenchPage = { id: 'generated/mentions', label: `generated article, ${article.length} paragraphs of seed names`, path: '/mentions.html', html: page('Pakistan and China sign medical cooperation deals', paras(article)), chars: article.join('').length, seedMentions: counted(dict, ['Pakistan and China sign medical cooperation deals', ...article]) };
  const base = mentionsArticle(seed, 10, 9).map((t) => t.replace(/On day \d+, /, 'Earlier, '));
  const burst = mentionsArticle(seed, 100, 13).map((t) => t.split(';')[0]! + '.');
  const dynamic: BenchPage = { id: 'generated/dynamic', label: 'generated article, 10 paragraphs, then a burst of 100', path: '/dynamic.html', html: page('Live updates', paras(base)), chars: base.join('').length, seedMentions: counted(dict, ['Live updates', ...base]) };
  return { largest, mentions, noMentions, dynamic, burst: { paragraphs: burst, mentionsAfter: counted(dict, ['Live updates', ...base, ...burst]) }, notes };
}
