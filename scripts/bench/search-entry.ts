/** lib/search for the benchmark's pages, bundled apart: the search may not exist yet (see store.ts). */
export { createSearchIndex, search } from '../../lib/search';
export { searchRowsFromStore } from '../../lib/search/store-rows';
