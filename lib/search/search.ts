/**
 * One query against the index: words as typed, results grouped by kind and ranked so
 * an exact name comes first, then names that start with the query, then names with
 * every word begun, then typo-tolerant or partial name matches, then text-only matches;
 * within a tier by a BM25-like score. Pure and synchronous: the benchmark times this
 * per keystroke. It touches integers only until it has the few hits it shows.
 */
import { expandTerm, MIN_PREFIX, type ExpandedTerm } from './expand-terms';
import { highlight, type Marked } from './highlight';
import { nameTier, TIER_LOOSE, TIER_TEXT } from './name-tier';
import { documentCount, FIELD_COUNT, NAMES_FIELD, scratchFor, storedRow, type SearchIndex } from './search-index';
import { SEARCH_KINDS, type SearchKind } from './search-rows';
import { searchTerms } from './terms';

/**
 * - `exact`: the query is a name or alias, folded ("kp-boit" = "KP BOIT");
 * - `prefix`: a name begins with the query ("anlong g");
 * - `words`: each query word begins a word of one name ("gene anl");
 * - `loose`: names matched, with a typo or across names ("Hashmy");
 * - `text`: only a role, description, fact, deal or document text matched.
 */
export type MatchTier = 'exact' | 'prefix' | 'words' | 'loose' | 'text';
const TIERS: readonly MatchTier[] = ['exact', 'prefix', 'words', 'loose', 'text'];

export interface SearchHit {
  kind: SearchKind;
  refId: string;
  packId: string;
  /** Facts and deals: the source backing them. */
  sourceId?: string;
  title: Marked;
  subtitle?: Marked;
  /** The other name the query matched, when it was not the title ("KP-BOIT"). */
  alias?: Marked;
  /** Sources: the passage of the document where the query is (added by the background). */
  snippet?: Marked;
  match: MatchTier;
  score: number;
}

export interface SearchGroup {
  kind: SearchKind;
  /** All results of this kind, of which `hits` are the best. */
  total: number;
  hits: SearchHit[];
}

export interface SearchResults {
  query: string;
  /** The query's folded words. */
  terms: string[];
  /** Vocabulary words matched as typos of them, for highlighting ("hashmi" for "hashmy"). */
  typoTerms: string[];
  total: number;
  /** Ordered by their best hit; kinds without results are left out. */
  groups: SearchGroup[];
}

export interface SearchOptions {
  /** Hits per group. Default 5. */
  limit?: number;
}

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;
/** More words than this are ignored (one bit per word in the scratch masks). */
const MAX_TERMS = 12;

// A name outweighs a role, a role outweighs running text.
const BOOST = [8, 3, 1.5, 1];
const K1 = 1.2;
const B = 0.7;

interface Candidate {
  doc: number;
  tier: number;
  name: number;
  score: number;
}

const better = (a: Candidate, b: Candidate): boolean => a.tier < b.tier || (a.tier === b.tier && a.score > b.score);

/** BM25's length factor, 1 / (1 + k1 (1 - b + b len / average)), per document and field. */
function lengthNorms(index: SearchIndex): Float64Array {
  const norms = new Float64Array(index.fieldLengths.length);
  for (let i = 0; i < norms.length; i++) norms[i] = 1 / (1 + K1 * (1 - B + (B * index.fieldLengths[i]!) / index.averageFieldLengths[i % FIELD_COUNT]!));
  return norms;
}

/** Adds every posting of the expanded terms into the scratch arrays; returns how many docs were touched. */
function accumulate(index: SearchIndex, terms: readonly ExpandedTerm[], fields: number): number {
  const s = scratchFor(index);
  const stamp = ++s.stamp;
  const n = documentCount(index);
  const norms = (index.norms ??= lengthNorms(index));
  let touched = 0;
  terms.forEach((term, i) => {
    const bit = 1 << i;
    // A word counts once per doc, by its best expansion: "gene" must not score more in a
    // doc for also beginning "genelab".
    const termStamp = ++s.stamp;
    for (const { term: id, via, weight } of term.expansions) {
      for (let f = 0; f < fields; f++) {
        const from = index.offsets[id * FIELD_COUNT + f]!;
        const to = index.offsets[id * FIELD_COUNT + f + 1]!;
        if (from === to) continue;
        const idf = Math.log(1 + (n - (to - from) + 0.5) / (to - from + 0.5));
        const base = weight * BOOST[f]! * idf * (K1 + 1);
        for (let p = from; p < to; p++) {
          const doc = index.postings[p]!;
          if (s.epoch[doc] !== stamp) {
            s.epoch[doc] = stamp;
            s.score[doc] = 0;
            s.mask[doc] = 0;
            s.nameMask[doc] = 0;
            s.looseMask[doc] = 0;
            s.touched[touched++] = doc;
          }
          s.mask[doc]! |= bit;
          const contribution = base * norms[doc * FIELD_COUNT + f]!;
          if (s.termEpoch[doc] !== termStamp) {
            s.termEpoch[doc] = termStamp;
            s.termBest[doc] = 0;
          }
          if (contribution > s.termBest[doc]!) {
            s.score[doc]! += contribution - s.termBest[doc]!;
            s.termBest[doc] = contribution;
          }
          if (f === NAMES_FIELD) {
            if (via === 'fuzzy') s.looseMask[doc]! |= bit;
            else s.nameMask[doc]! |= bit;
          }
        }
      }
    }
  });
  return touched;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

/** Keeps `list` sorted best first and at most `limit` long. */
function offer(list: Candidate[], candidate: Candidate, limit: number): void {
  if (list.length === limit && !better(candidate, list[limit - 1]!)) return;
  let i = list.length;
  while (i > 0 && better(candidate, list[i - 1]!)) i--;
  list.splice(i, 0, candidate);
  if (list.length > limit) list.pop();
}

function collect(index: SearchIndex, terms: readonly ExpandedTerm[], touched: number, all: boolean, limit: number) {
  const s = index.scratch!;
  const full = (1 << terms.length) - 1;
  // One slot per kind (SEARCH_KINDS order): the loop below runs for every matching doc.
  const groups = SEARCH_KINDS.map((kind) => ({ kind, total: 0, best: [] as Candidate[] }));
  let total = 0;
  for (let t = 0; t < touched; t++) {
    const doc = s.touched[t]!;
    const mask = s.mask[doc]!;
    if (all ? mask !== full : mask === 0) continue;
    total++;
    const group = groups[index.kinds[doc]!]!;
    group.total++;
    // Without AND, a doc matching more of the words comes first.
    const score = all ? s.score[doc]! : s.score[doc]! * (bitCount(mask) / terms.length);
    let tier = TIER_TEXT;
    let name = 0;
    const inNames = s.nameMask[doc]! | s.looseMask[doc]!;
    if (s.nameMask[doc] === full) {
      const packed = nameTier(index, doc, terms);
      tier = Math.floor(packed / 65_536);
      name = packed % 65_536;
    }
    else if (inNames === full || (!all && inNames !== 0)) tier = TIER_LOOSE;
    const worst = group.best[limit - 1];
    if (worst && (tier > worst.tier || (tier === worst.tier && score <= worst.score))) continue;
    offer(group.best, { doc, tier, name, score }, limit);
  }
  return { total, groups: groups.filter((g) => g.total > 0) };
}

function toHit(index: SearchIndex, { doc, tier, name, score }: Candidate, words: readonly string[], typos: readonly string[]): SearchHit {
  const row = storedRow(index, doc);
  const hit: SearchHit = { kind: row.kind, refId: row.refId, packId: row.packId, title: highlight(row.title, words, typos), match: TIERS[tier] ?? 'text', score };
  if (row.sourceId !== undefined) hit.sourceId = row.sourceId;
  if (row.subtitle) hit.subtitle = highlight(row.subtitle, words, typos);
  // The alias is shown only when the title itself shows nothing of the query ("KP-BOIT"
  // for the Khyber Pakhtunkhwa Board…), not for "Zhou" under "Zhou Hui".
  const alias = name > 0 ? row.aliases?.[name - 1] : undefined;
  if (alias !== undefined && tier < TIER_LOOSE && hit.title.marks.length === 0) hit.alias = highlight(alias, words, typos);
  return hit;
}

/** Several aliases fold alike ("KP BOIT", "KP-BOIT"): show the one spelled as typed. */
function spelledAsTyped(index: SearchIndex, candidate: Candidate, query: string): Candidate {
  const typed = query.trim().toLowerCase();
  const aliases = index.aliases[candidate.doc] ? index.aliases[candidate.doc]!.split('\n') : [];
  const i = aliases.findIndex((alias) => alias.toLowerCase() === typed);
  return candidate.tier === 0 && candidate.name > 0 && i >= 0 ? { ...candidate, name: i + 1 } : candidate;
}

/** Searches `index` for `query`; see the module comment for the ranking. */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResults {
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const words = searchTerms(query).slice(0, MAX_TERMS);
  const empty: SearchResults = { query, terms: words, typoTerms: [], total: 0, groups: [] };
  if (words.length === 0 || documentCount(index) === 0) return empty;
  const terms = words.map((word) => expandTerm(index, word));
  // One letter says little: only names that are that letter, not every "a" in every text.
  const fields = words.length === 1 && words[0]!.length < MIN_PREFIX ? 1 : FIELD_COUNT;
  const touched = accumulate(index, terms, fields);
  // Every word narrows, as people expect of a search box; when that finds nothing (a
  // word with too many typos), any word will do.
  let found = collect(index, terms, touched, true, limit);
  if (found.total === 0 && terms.length > 1) found = collect(index, terms, touched, false, limit);
  if (found.total === 0) return empty;
  const typos = [...new Set(terms.flatMap((t) => t.expansions.filter((e) => e.via === 'fuzzy').map((e) => index.terms[e.term]!)))];
  const groups = found.groups
    .map(({ kind, total, best }) => ({ kind, total, best: best.map((c) => spelledAsTyped(index, c, query)) }))
    .sort((a, b) => (better(a.best[0]!, b.best[0]!) ? -1 : better(b.best[0]!, a.best[0]!) ? 1 : SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind)));
  return {
    query,
    terms: words,
    typoTerms: typos,
    total: found.total,
    groups: groups.map(({ kind, total, best }) => ({ kind, total, hits: best.map((c) => toHit(index, c, words, typos)) })),
  };
}
