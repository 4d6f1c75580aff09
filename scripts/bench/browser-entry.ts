/**
 * What the benchmark evaluates inside Chromium pages (an extension page for the store,
 * plain pages for the matcher): the real lib/ code, bundled by scripts/bench/browser.ts
 * into one script at bench time. Never part of the extension's build.
 */
export { syntheticPack } from './synthetic-pack';
export { packFileText, packHash, validatePack } from '../../lib/pack/validate';
export { createStore } from '../../lib/store/db';
export { loadPack, removePack } from '../../lib/store/load-pack';
export { importPackFile } from '../../lib/packs/import-pack';
export { buildDictionary } from '../../lib/match/dictionary';
