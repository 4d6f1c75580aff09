// The search's public surface; design notes in ./README.md. The pure part (rows, index,
// search) needs no browser: a Node benchmark drives it as the background does.
export { searchRows, searchRowsFromPacks, figureText, SEARCH_KINDS } from './search-rows';
export type { SearchKind, SearchRecords, SearchRow } from './search-rows';
export { createSearchIndex } from './build-index';
export { documentCount, loadSearchIndex, serializeSearchIndex, SEARCH_FIELDS, SEARCH_INDEX_VERSION } from './search-index';
export type { SearchIndex, SearchIndexData, StoredRow } from './search-index';
export { search, DEFAULT_LIMIT, MAX_LIMIT } from './search';
export type { MatchTier, SearchGroup, SearchHit, SearchOptions, SearchResults } from './search';
export { highlight, snippet } from './highlight';
export type { Marked } from './highlight';
export { foldedPhrase, searchTerms } from './terms';
