/**
 * The search index: an inverted index in flat typed arrays, built once per pack version.
 *
 * Why not MiniSearch's own index (or Dexie's): at 100,000 entities MiniSearch took
 * 60 ms at the 95th percentile per keystroke on names alone, and 200 ms with facts and
 * documents, because it scores every matching document through Maps and objects; Dexie
 * indexes have neither word prefixes inside a name nor typo tolerance (./README.md has
 * the numbers). Here the vocabulary is one sorted array, so a prefix is a contiguous
 * range of term ids, and postings are doc ids in one Uint32Array: a query touches only
 * integers until the few results it shows. MiniSearch's radix tree still finds the
 * typo-tolerant neighbours of a word (fuzzy-terms.ts).
 */
import { SEARCH_KINDS, type SearchKind, type SearchRow } from './search-rows';

/** Bump when the rows, fields or tokenizer change: a saved index of another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 4;

/** Searched fields, strongest first; the index's postings are per field. */
export const SEARCH_FIELDS = ['names', 'roles', 'text', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export const FIELD_COUNT = SEARCH_FIELDS.length;
export const NAMES_FIELD = 0;

/** What each result carries without a trip to the store: a search row without its searched fields. */
export type StoredRow = Pick<SearchRow, 'kind' | 'refId' | 'packId' | 'title' | 'subtitle' | 'aliases' | 'sourceId'>;

/**
 * The index's data: plain arrays and typed arrays only, so it is structured-clonable as
 * it stands (saved to IndexedDB without a JSON step) and the same in Node.
 */
export interface SearchIndexData {
  version: number;
  /**
   * What each document shows, in columns (doc id order) rather than one object per doc:
   * IndexedDB clones 100,000 rows of strings three times faster than as many objects.
   * '' stands for "none"; aliases are joined by newlines. See storedRow().
   */
  refIds: string[];
  /** Index into `packIds`. */
  packOf: Uint16Array;
  packIds: string[];
  titles: string[];
  subtitles: string[];
  aliases: string[];
  sourceIds: string[];
  /** Each document's kind as an index into SEARCH_KINDS: a query's inner loop reads no objects. */
  kinds: Uint8Array;
  /** Sorted by code unit (the order of `<`), unique. */
  terms: string[];
  /** Postings of term t in field f: postings[offsets[t*F+f] .. offsets[t*F+f+1]), doc ids ascending. */
  offsets: Uint32Array;
  postings: Uint32Array;
  /** Words per document and field (docs × F), for length normalisation. */
  fieldLengths: Uint16Array;
  averageFieldLengths: Float64Array;
  /**
   * Each document's names (title, then aliases) as term ids, for ranking by how a name
   * matched: the names of doc d are nameStarts[docNames[d] .. docNames[d+1]), and name k's
   * words are nameWords[nameStarts[k] .. nameStarts[k+1]).
   */
  docNames: Uint32Array;
  nameStarts: Uint32Array;
  nameWords: Uint32Array;
}

/** Per-query work arrays, allocated once per index (a query must not allocate per doc). */
export interface Scratch {
  epoch: Uint32Array;
  stamp: number;
  score: Float64Array;
  /** The best contribution of the current query word to each doc (a word counts once). */
  termEpoch: Uint32Array;
  termBest: Float64Array;
  mask: Uint16Array;
  nameMask: Uint16Array;
  looseMask: Uint16Array;
  touched: Uint32Array;
}

export interface SearchIndex extends SearchIndexData {
  scratch?: Scratch;
  /** BM25's length factor per document and field, worked out once from fieldLengths. */
  norms?: Float64Array;
  /** Term → id radix tree for typo-tolerant look-ups, built on first need (fuzzy-terms.ts). */
  fuzzyMap?: unknown;
}

export function documentCount(index: SearchIndexData): number {
  return index.refIds.length;
}

/** One document's stored fields as an object (for the few hits a query shows). */
export function storedRow(index: SearchIndexData, doc: number): StoredRow {
  const row: StoredRow = { kind: SEARCH_KINDS[index.kinds[doc]!]!, refId: index.refIds[doc]!, packId: index.packIds[index.packOf[doc]!]!, title: index.titles[doc]! };
  if (index.subtitles[doc]) row.subtitle = index.subtitles[doc];
  if (index.aliases[doc]) row.aliases = index.aliases[doc]!.split('\n');
  if (index.sourceIds[doc]) row.sourceId = index.sourceIds[doc];
  return row;
}

/** The data to save (no caches); loadSearchIndex takes it back. */
export function serializeSearchIndex(index: SearchIndex): SearchIndexData {
  const { scratch: _scratch, fuzzyMap: _fuzzy, norms: _norms, ...data } = index;
  return data;
}

function isArrayOf(value: unknown, type: Function): boolean {
  return value instanceof type;
}

/** Takes back saved data; undefined when it is not an index of this version. */
export function loadSearchIndex(data: unknown): SearchIndex | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as Partial<SearchIndexData>;
  const typed: Array<[unknown, Function]> = [[d.kinds, Uint8Array], [d.packOf, Uint16Array], [d.offsets, Uint32Array], [d.postings, Uint32Array], [d.fieldLengths, Uint16Array], [d.averageFieldLengths, Float64Array], [d.docNames, Uint32Array], [d.nameStarts, Uint32Array], [d.nameWords, Uint32Array]];
  const columns = [d.refIds, d.packIds, d.titles, d.subtitles, d.aliases, d.sourceIds, d.terms];
  if (d.version !== SEARCH_INDEX_VERSION || !columns.every(Array.isArray) || !typed.every(([v, t]) => isArrayOf(v, t))) return undefined;
  return { ...(d as SearchIndexData) };
}

export function scratchFor(index: SearchIndex): Scratch {
  const n = documentCount(index);
  if (!index.scratch || index.scratch.epoch.length !== n) {
    index.scratch = { epoch: new Uint32Array(n), stamp: 0, score: new Float64Array(n), termEpoch: new Uint32Array(n), termBest: new Float64Array(n), mask: new Uint16Array(n), nameMask: new Uint16Array(n), looseMask: new Uint16Array(n), touched: new Uint32Array(n) };
  }
  return index.scratch;
}

/** The first term id whose term is >= `key` (binary search). */
export function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Term ids of every term starting with `prefix`: [from, to). */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  return [lowerBound(terms, prefix), lowerBound(terms, `${prefix}\uffff`)];
}

export function termId(terms: readonly string[], term: string): number {
  const i = lowerBound(terms, term);
  return terms[i] === term ? i : -1;
}
