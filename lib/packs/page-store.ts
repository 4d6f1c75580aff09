/**
 * The store as an extension page opens it. Pages share the extension origin's IndexedDB
 * with the background, so the options page reads and writes packs directly (no message
 * could carry a 200 MB pack) and then sends `packsChanged`.
 */
import { createStore, type FactmarkDB } from '../store/db';

let db: FactmarkDB | undefined;

export function pageStore(): FactmarkDB {
  db ??= createStore();
  return db;
}
