/**
 * Building the index of search-index.ts from rows: fold and split every field once,
 * give each word an id in sorted order, and lay the postings out flat. Two passes over
 * the postings (count, then fill) so no per-term arrays are kept for big packs.
 */
import { FIELD_COUNT, SEARCH_FIELDS, SEARCH_INDEX_VERSION, type SearchIndex } from './search-index';
import { SEARCH_KINDS, type SearchRow } from './search-rows';
import { searchTerms } from './terms';

/** A growable Uint32Array. */
class U32List {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** What results show, column by column (search-index.ts says why). */
function storedColumns(rows: readonly SearchRow[]) {
  const packIds = [...new Set(rows.map((row) => row.packId))];
  const pack = new Map(packIds.map((id, i) => [id, i]));
  return {
    refIds: rows.map((row) => row.refId),
    packOf: Uint16Array.from(rows, (row) => pack.get(row.packId)!),
    packIds,
    titles: rows.map((row) => row.title),
    subtitles: rows.map((row) => row.subtitle ?? ''),
    aliases: rows.map((row) => (row.aliases ?? []).join('\n')),
    sourceIds: rows.map((row) => row.sourceId ?? ''),
  };
}

/** The names a result is ranked by: an entity's name and aliases, a deal's or source's title. */
function rankedNames(row: SearchRow): string[] {
  return row.kind === 'fact' || row.names === '' ? [] : row.names.split('\n');
}

/** Builds the index from rows (search-rows.ts). */
export function createSearchIndex(rows: readonly SearchRow[]): SearchIndex {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) {
      id = words.length;
      ids.set(term, id);
      words.push(term);
    }
    return id;
  };
  // Pass 1: (term*F + field, doc) pairs in doc order, field lengths, names as provisional ids.
  const keys = new U32List();
  const docsOfKeys = new U32List();
  const fieldLengths = new Uint16Array(rows.length * FIELD_COUNT);
  const totals = new Float64Array(FIELD_COUNT);
  const withField = new Float64Array(FIELD_COUNT);
  const docNames = new Uint32Array(rows.length + 1);
  const nameStarts = new U32List();
  const nameWords = new U32List();
  rows.forEach((row, doc) => {
    SEARCH_FIELDS.forEach((field, f) => {
      const text = row[field];
      if (!text) return;
      const terms = searchTerms(text);
      fieldLengths[doc * FIELD_COUNT + f] = Math.min(terms.length, 65_535);
      totals[f] = totals[f]! + terms.length;
      withField[f] = withField[f]! + 1;
      for (const id of new Set(terms.map(idOf))) {
        keys.push(id * FIELD_COUNT + f);
        docsOfKeys.push(doc);
      }
    });
    docNames[doc] = nameStarts.length;
    for (const name of rankedNames(row)) {
      nameStarts.push(nameWords.length);
      for (const term of searchTerms(name)) nameWords.push(idOf(term));
    }
  });
  docNames[rows.length] = nameStarts.length;
  nameStarts.push(nameWords.length);

  // Sorted ids: a prefix becomes a contiguous range.
  const order = words.map((_, i) => i).sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
  const rank = new Uint32Array(words.length);
  order.forEach((provisional, sorted) => (rank[provisional] = sorted));
  const remap = (key: number) => rank[Math.floor(key / FIELD_COUNT)]! * FIELD_COUNT + (key % FIELD_COUNT);

  // Pass 2: count per key, prefix sums, fill (docs stay ascending within each key).
  const offsets = new Uint32Array(words.length * FIELD_COUNT + 1);
  const keyData = keys.data;
  for (let i = 0; i < keys.length; i++) offsets[remap(keyData[i]!) + 1]!++;
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
  const fill = offsets.slice(0, -1);
  const postings = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) postings[fill[remap(keyData[i]!)]!++] = docsOfKeys.data[i]!;

  const names = nameWords.done();
  for (let i = 0; i < names.length; i++) names[i] = rank[names[i]!]!;
  return {
    version: SEARCH_INDEX_VERSION,
    ...storedColumns(rows),
    kinds: Uint8Array.from(rows, (row) => SEARCH_KINDS.indexOf(row.kind)),
    terms: order.map((i) => words[i]!),
    offsets,
    postings,
    fieldLengths,
    // Averaged over the documents that have the field: only sources have a body.
    averageFieldLengths: totals.map((total, f) => Math.max(1, total / Math.max(1, withField[f]!))),
    docNames,
    nameStarts: nameStarts.done(),
    nameWords: names,
  };
}
