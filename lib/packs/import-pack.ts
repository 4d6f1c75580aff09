/**
 * Importing a fact pack from a file the user chose: size check, read, parse, validate,
 * hash check, version check, then an all-or-nothing write (lib/store loadPack: a first
 * install can match pages as soon as its dictionary row is in, `onMatchable`, while the
 * rest is written). Every refusal comes back as an ImportProblem and leaves the store
 * exactly as it was.
 *
 * Runs in the options page, which shares the extension origin's IndexedDB with the
 * background: a pack of up to 200 MB never has to cross a message channel (Chrome caps a
 * message at 64 MiB). The page tells the background afterwards (`packsChanged`).
 */
import { fileMatchesHash } from '../pack/file-hash';
import type { FactPack } from '../pack/types';
import { validatePack, verifyPackHash, type ValidateOptions } from '../pack/validate';
import type { FactmarkDB, PackMeta } from '../store/db';
import { bundledMarkerItem, type MarkerStorage } from '../store/ensure-bundled-pack';
import { loadPack } from '../store/load-pack';
import { packCounts, packDictionary, rowTotal, type PackDictionary } from '../store/pack-rows';
import { StoreError } from '../store/store-error';
import { ImportRefusal, type ImportProblem } from './import-problem';
import { MAX_PACK_FILE_BYTES, PREPARE_MATCHER_MAX_CHARS } from './limits';
import { compareVersions } from './pack-version';
import { parseJson, readTextFile } from './read-text-file';

export type ImportPhase = 'reading' | 'checking' | 'writing';

export interface ImportProgress {
  phase: ImportPhase;
  /** Bytes read or rows written; 0 of 0 while checking (no measure there). */
  done: number;
  total: number;
}

export interface ImportOptions {
  maxBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Ids an import may never take. Default: the bundled pack's (reservedPackIds). */
  reservedIds?: readonly string[];
  now?: () => number;
  validate?: ValidateOptions;
  /**
   * Awaited before each long synchronous step (parsing, validating) so the page can paint
   * its progress first. Default: one macrotask; a page passes "after the next frame".
   */
  yieldToPage?: () => Promise<void>;
  /**
   * Pages can be matched with the pack from now on (lib/store LoadOptions.onMatchable);
   * the import goes on writing the rest. The options page tells the background here.
   */
  onMatchable?: (meta: PackMeta) => void | Promise<void>;
  /**
   * The pack is parsed; its checks and the write come next, and it may still be refused.
   * `entriesJson` is the matcher's dictionary of the pack (what its dictionary row will
   * hold): the options page hands it to the background, which builds its matcher meanwhile
   * and uses it only if this pack is then installed with this hash
   * (lib/background/prepared-matcher.ts). Not called for a value too broken to make a
   * dictionary of, nor for a dictionary too big for a message (PREPARE_MATCHER_MAX_CHARS).
   */
  onDictionary?: (dictionary: { packId: string; hash: string; entriesJson: string }) => void;
}

export type ImportResult = { ok: true; meta: PackMeta; replaced?: string } | { ok: false; problem: ImportProblem };

/**
 * The bundled pack's id, from the store and from the marker ensureBundledPack keeps: an
 * import under that id would be overwritten by the next start (or would overwrite it).
 */
export async function reservedPackIds(db: FactmarkDB, marker: MarkerStorage = bundledMarkerItem()): Promise<string[]> {
  const [bundled, stored] = await Promise.all([db.packs.where('kind').equals('bundled').primaryKeys(), marker.getValue().catch(() => null)]);
  return [...new Set([...bundled, ...(stored ? [stored.packId] : [])])];
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The dictionary of a value not checked yet, or undefined when it is too broken to have one. */
function dictionaryOf(value: unknown): { packId: string; hash: string; dictionary: PackDictionary } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const pack = value as Partial<Record<keyof FactPack, unknown>>;
  if (typeof pack.id !== 'string' || typeof pack.hash !== 'string' || ![pack.entities, pack.roles, pack.deals].every(Array.isArray)) return undefined;
  try {
    return { packId: pack.id, hash: pack.hash, dictionary: packDictionary(value as FactPack) };
  } catch {
    // Validation will say what is wrong with it.
    return undefined;
  }
}

function storeProblem(error: unknown): ImportProblem {
  if (error instanceof ImportRefusal) return error.problem;
  if (error instanceof StoreError && error.code === 'quota') return { kind: 'quota' };
  return { kind: 'store', detail: error instanceof Error ? error.message : String(error) };
}

export async function importPackFile(db: FactmarkDB, file: Blob, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await readTextFile(file, {
    maxBytes: options.maxBytes ?? MAX_PACK_FILE_BYTES,
    onProgress: (done, total) => options.onProgress?.({ phase: 'reading', done, total }),
  });
  if (!read.ok) return read;
  options.onProgress?.({ phase: 'checking', done: 0, total: 0 });
  await (options.yieldToPage ?? nextTask)();
  const parsed = parseJson(read.text);
  if (!parsed.ok) return parsed;
  return importPackValue(db, parsed.value, options, read.bytes);
}

/**
 * The steps after parsing: also the entry point for tests and callers that hold a value.
 * `fileBytes`: the file the value was parsed from, for the fast hash check (lib/pack/file-hash.ts).
 */
export async function importPackValue(db: FactmarkDB, value: unknown, options: ImportOptions = {}, fileBytes?: readonly Uint8Array[]): Promise<ImportResult> {
  options.onProgress?.({ phase: 'checking', done: 0, total: 0 });
  await (options.yieldToPage ?? nextTask)();
  // The dictionary goes to the background before the checks, so it builds its matcher
  // while they run (it only uses the build if this very pack gets installed).
  const early = options.onDictionary ? dictionaryOf(value) : undefined;
  if (early && early.dictionary.json.length <= PREPARE_MATCHER_MAX_CHARS) options.onDictionary?.({ packId: early.packId, hash: early.hash, entriesJson: early.dictionary.json });
  const checked = validatePack(value, options.validate);
  if (!checked.ok) return { ok: false, problem: { kind: 'invalid', errors: checked.errors } };
  const pack = checked.pack;
  // A file as Factmark writes it is checked from its bytes; any other, from the parsed pack.
  const hashed = (fileBytes !== undefined && (await fileMatchesHash(fileBytes, pack.hash))) || (await verifyPackHash(pack));
  if (!hashed) return { ok: false, problem: { kind: 'hash-mismatch', packId: pack.id } };
  const reserved = options.reservedIds ?? (await reservedPackIds(db));
  if (reserved.includes(pack.id)) return { ok: false, problem: { kind: 'bundled-id', packId: pack.id } };

  let replaced: string | undefined;
  try {
    options.onProgress?.({ phase: 'writing', done: 0, total: rowTotal(packCounts(pack)) });
    const meta = await loadPack(db, pack, 'imported', (options.now ?? Date.now)(), {
      // Made from this same value, which the checks only read; otherwise loadPack makes it.
      ...(early ? { dictionary: early.dictionary } : {}),
      onProgress: (done, total) => options.onProgress?.({ phase: 'writing', done, total }),
      ...(options.onMatchable ? { onMatchable: options.onMatchable } : {}),
      guard: (previous) => {
        if (!previous) return;
        if (previous.kind === 'bundled') throw new ImportRefusal({ kind: 'bundled-id', packId: pack.id });
        if (compareVersions(pack.version, previous.version) <= 0) {
          throw new ImportRefusal({ kind: 'not-newer', packId: pack.id, version: pack.version, installed: previous.version });
        }
        replaced = previous.version;
      },
    });
    return replaced === undefined ? { ok: true, meta } : { ok: true, meta, replaced };
  } catch (error) {
    return { ok: false, problem: storeProblem(error) };
  }
}
