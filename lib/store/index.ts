// The store's public surface; see ./README.md.
export { createStore, FactmarkDB } from './db';
export type { AliasRow, DealRow, DictionaryRow, DictionaryRowEntry, EntityRow, FactRow, PackCounts, PackKind, PackMeta, RoleRow, SourceRow } from './db';
export { normaliseAlias } from './normalise-alias';
export { StoreError, isQuotaError, toStoreError } from './store-error';
export type { StoreErrorCode } from './store-error';
export { LOAD_CHUNK_SIZE, STAGED_TRANSACTION_ROWS, loadPack, packCounts, removePack, setPackEnabled } from './load-pack';
export { recoverPartialPacks } from './partial-packs';
export { defaultWriteLocks, memoryLocks, packWriteLock, webLocks } from './write-lock';
export type { WriteLocks } from './write-lock';
export type { LoadOptions, LoadProgress } from './load-pack';
export { bundledMarkerItem, ensureBundledPack, requestPersistence } from './ensure-bundled-pack';
export type { BundledMarker, EnsureAction, EnsureOptions, EnsureResult, MarkerStorage } from './ensure-bundled-pack';
export { entitiesByAlias, entityById, matcherDictionary, packList } from './entity-queries';
export { entityCard } from './entity-card';
export { allDeals, dealsByParty } from './deal-queries';
export type { DealsByPartyOptions } from './deal-queries';
export { sourceById } from './source-queries';
export type * from './views';
