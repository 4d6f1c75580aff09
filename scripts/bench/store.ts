/**
 * Section 3: the store, in headless Chromium with the built extension. In an extension
 * page (which shares the extension's IndexedDB with the background, as the options page
 * does when it imports a pack) a synthetic pack of 1k, 10k and 100k entities is
 * installed by the import itself, as the options page runs it (lib/packs importPackFile:
 * read, parse, validate, prepareMatcher, hash check, lib/store loadPack). As soon as
 * the import says the pack can be matched (its dictionary row is committed; the rest goes
 * on being written) the page tells the background, as the options page does, and a page
 * naming the pack's entities is opened: ready for matching is the wall-clock time from the
 * install's start (the store write, once the checks passed) until that page has its
 * marks, and is also given from the import's start. Then,
 * once the whole pack is written: the background's answer to getDictionary and the
 * matcher's dictionary build, the search rows and index (ready for search), card look-ups
 * through getEntityCard, and a search per keystroke. The background's heap is read with
 * each pack installed.
 */
import type { Page } from 'playwright-core';
import { bundle, launchSnapshot, sampleTargetHeap, targetHeap } from './browser';
import { waitForMark } from './marking-runs';
import { syntheticPack } from './synthetic-pack';
import { emptySection, type BenchContext, type SectionResult } from './context';
import { sizeLabel } from './packs';
import { fmt, fmtBytes, percentile } from './stats';

type Bench = typeof import('./browser-entry');
type SearchApi = typeof import('./search-entry');

interface Installed {
  entities: number;
  rows: number;
  generateMs: number;
  /** JSON.parse of the pack's file, and the file's size. */
  parseMs: number;
  fileBytes: number;
  /** validatePack and packHash of the same pack, timed apart after the import (the import runs both). */
  validateMs: number;
  hashMs: number;
  /** From the import's start until it said the pack can be matched (checks + dictionary row). */
  matchableMs: number;
  /** From the import's start until the install itself began (the store write, after the checks). */
  writeStartMs: number;
  /** From the import's start until every row was written. */
  writeMs: number;
  /** Wall clock (Node) from the import's start until the first page had its marks. */
  readyMs: number;
  dictionaryMs: number;
  dictionaryEntries: number;
  buildMs: number;
  /** Searchable rows read from the store, and the index built from them. */
  searchRowsMs?: number;
  searchIndexMs?: number;
  searchError?: string;
  /** After the write: a page opened and its content script's first marks (the background builds its matcher for big packs). */
  firstPageMs?: number;
  firstPageMarks?: number;
  cardMs: number[];
  keystrokeMs: number[];
  keystrokes: number;
}

type InstallFields = 'entities' | 'rows' | 'generateMs' | 'parseMs' | 'fileBytes' | 'validateMs' | 'hashMs' | 'matchableMs' | 'writeStartMs' | 'writeMs';

interface BenchGlobals {
  FactmarkBench: Bench;
  benchPack: ReturnType<Bench['syntheticPack']>;
  /** The pack's file, as the reader picks it. */
  benchFile: Blob;
  benchImport: Promise<{ ok: boolean; writeMs: number; problem?: unknown }>;
  chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; data?: unknown; error?: string }> } };
}

/**
 * Runs in the extension page: makes the pack and its file as Factmark writes it
 * (packFileText). The import is given the file, as the options page is; the pack parsed
 * from it is kept to time parsing, validation and hashing apart.
 */
async function generate(page: Page, n: number): Promise<{ generateMs: number; parseMs: number; fileBytes: number }> {
  return page.evaluate(async ({ n }) => {
    const g = globalThis as unknown as BenchGlobals;
    const B = g.FactmarkBench;
    const t = performance.now();
    const pack = B.syntheticPack({ entities: n, id: `bench-${n}`, seed: 3 });
    pack.hash = await B.packHash(pack);
    const text = B.packFileText(pack);
    const generateMs = performance.now() - t;
    g.benchFile = new Blob([text], { type: 'application/json' });
    const p = performance.now();
    g.benchPack = JSON.parse(text) as typeof pack;
    return { generateMs, parseMs: performance.now() - p, fileBytes: new TextEncoder().encode(text).length };
  }, { n });
}

/**
 * Runs in the extension page: starts the import as the options page runs it and resolves
 * once the pack can be matched and the background has been told; the import goes on.
 */
async function startImport(page: Page): Promise<{ matchableMs: number; writeStartMs: number }> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as BenchGlobals;
    const B = g.FactmarkBench;
    const send = g.chrome.runtime.sendMessage;
    const db = B.createStore();
    const start = performance.now();
    let matchable!: (ms: { matchableMs: number; writeStartMs: number }) => void;
    const told = new Promise<{ matchableMs: number; writeStartMs: number }>((resolve) => (matchable = resolve));
    let writeStartMs = Number.NaN;
    g.benchImport = B.importPackFile(db, g.benchFile, {
      reservedIds: ['factmark-seeds'],
      // As the options page does (components/options/use-packs.ts).
      onDictionary: (dictionary) => void send({ type: 'prepareMatcher', ...dictionary }),
      onProgress: (progress) => {
        if (progress.phase === 'writing' && Number.isNaN(writeStartMs)) writeStartMs = performance.now() - start;
      },
      onMatchable: () => {
        const ms = { matchableMs: performance.now() - start, writeStartMs };
        void send({ type: 'packsChanged' }).then(() => matchable(ms), () => matchable(ms));
      },
    }).then(async (result) => {
      const writeMs = performance.now() - start;
      await send({ type: 'packsChanged' }).catch(() => undefined);
      db.close();
      return { ok: result.ok, writeMs, ...(result.ok ? {} : { problem: result.problem }) };
    });
    // An import that fails before it is matchable must not leave the bench waiting.
    void g.benchImport.then((r) => !r.ok && matchable({ matchableMs: Number.NaN, writeStartMs }));
    return told;
  });
}

/** Runs in the extension page: waits for the import to finish, then times validate and hash on their own. */
async function finishImport(page: Page): Promise<{ writeMs: number; validateMs: number; hashMs: number; rows: number }> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as BenchGlobals;
    const B = g.FactmarkBench;
    const done = await g.benchImport;
    if (!done.ok) throw new Error(`import failed: ${JSON.stringify(done.problem).slice(0, 300)}`);
    const pack = g.benchPack;
    let t = performance.now();
    const checked = B.validatePack(pack);
    if (!checked.ok) throw new Error(`synthetic pack invalid: ${JSON.stringify(checked.errors.slice(0, 3))}`);
    const validateMs = performance.now() - t;
    t = performance.now();
    if ((await B.packHash(pack)) !== pack.hash) throw new Error('hash changed');
    const hashMs = performance.now() - t;
    const rows = pack.entities.length * 2 + pack.roles.length + pack.facts.length + pack.deals.length + pack.sources.length;
    return { writeMs: done.writeMs, validateMs, hashMs, rows };
  });
}

/** Runs in the extension page after the install: the dictionary, card look-ups and search. */
async function timeLookups(page: Page, withSearch: boolean): Promise<Omit<Installed, InstallFields | 'readyMs'>> {
  return page.evaluate(
    async ({ withSearch }) => {
      const g = globalThis as unknown as { benchPack: ReturnType<Bench['syntheticPack']>; FactmarkBench: Bench; FactmarkSearch?: SearchApi; chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; data?: unknown; error?: string }> } } };
      const B = g.FactmarkBench;
      const pack = g.benchPack;
      const send = g.chrome.runtime.sendMessage;
      const db = B.createStore();
      // What a content script asks for when the packs are small, then builds.
      let t = performance.now();
      const reply = await send({ type: 'getDictionary' });
      if (!reply.ok) throw new Error(`getDictionary: ${reply.error}`);
      const dictionaryMs = performance.now() - t;
      const entries = (reply.data as { entries: Array<{ entityId: string }> }).entries;
      t = performance.now();
      B.buildDictionary(entries.map((e) => ({ ...e, id: e.entityId })) as unknown as Parameters<Bench['buildDictionary']>[0]);
      const buildMs = performance.now() - t;
      // Card look-ups, as the card asks for them.
      const cardMs: number[] = [];
      for (let i = 0; i < 40; i++) {
        const entity = pack.entities[Math.floor((i * 7919) % pack.entities.length)]!;
        const c = performance.now();
        const card = await send({ type: 'getEntityCard', id: entity.id });
        cardMs.push(performance.now() - c);
        if (!card.ok || card.data === null) throw new Error(`no card for ${entity.id}`);
      }
      const out: Omit<Installed, InstallFields | 'readyMs'> = { dictionaryMs, dictionaryEntries: entries.length, buildMs, cardMs, keystrokeMs: [], keystrokes: 0 };
      if (withSearch && g.FactmarkSearch) {
        try {
          const S = g.FactmarkSearch;
          t = performance.now();
          const searchRows = await S.searchRowsFromStore(db);
          out.searchRowsMs = performance.now() - t;
          t = performance.now();
          const index = S.createSearchIndex(searchRows);
          out.searchIndexMs = performance.now() - t;
          // A keystroke is one search of what is typed so far: names, acronyms, a typo.
          const queries = pack.entities.filter((_, i) => i % Math.max(1, Math.floor(pack.entities.length / 25)) === 0).slice(0, 25).map((e) => e.aliases[e.aliases.length > 1 && e.aliases[1]!.kind === 'acronym' ? 1 : 0]!.text);
          queries.push('Ministry of Textle', 'punjab energy');
          for (const q of queries) {
            for (let k = 1; k <= Math.min(q.length, 24); k++) {
              const s = performance.now();
              S.search(index, q.slice(0, k));
              out.keystrokeMs.push(performance.now() - s);
            }
          }
          out.keystrokes = out.keystrokeMs.length;
        } catch (error) {
          out.searchError = String(error).slice(0, 200);
        }
      }
      db.close();
      return out;
    },
    { withSearch },
  );
}

async function waitForStore(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; data?: { store: { state: string } } }> } } }).chrome;
    const r = await c.runtime.sendMessage({ type: 'getStatus' });
    return r.ok && r.data?.store.state === 'ready';
  }, undefined, { timeout: 30_000, polling: 200 });
}

export async function benchStore(ctx: BenchContext): Promise<SectionResult> {
  const out = emptySection();
  const sizes = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const core = await bundle(ctx.root, 'scripts/bench/browser-entry.ts', 'FactmarkBench');
  let search: string | undefined;
  try {
    search = await bundle(ctx.root, 'scripts/bench/search-entry.ts', 'FactmarkSearch');
  } catch (error) {
    out.notes.push(`Popup search not available yet (lib/search did not build: ${String(error).split('\n')[0]}).`);
  }
  const results: Array<Installed & { backgroundHeap?: number; importHeapPeak?: number; importHeapPeakSpan?: [number, number]; importHeapSeries?: Array<[number, number]> }> = [];
  const browser = await launchSnapshot();
  try {
    // An extension page: shares the extension's IndexedDB (and may message the background as a privileged sender).
    const { page } = await browser.open('options.html');
    await waitForStore(page);
    await page.evaluate(core);
    if (search) await page.evaluate(search);
    const cdp = await browser.context.newCDPSession(page);
    const baseHeap = await targetHeap(cdp, 'service_worker');
    // The page a reader opens right after the install: the first entities' names.
    const names = syntheticPack({ entities: 30, seed: 3 }).entities.filter((e) => e.type !== 'place').map((e) => e.name);
    const server = await browser.serve({ '/first.html': `<!doctype html><title>first</title><main>${names.map((name) => `<p>Yesterday ${name} spoke to reporters about the new agreement.</p>`).join('')}</main>` });
    for (const n of sizes) {
      ctx.log(`store: installing ${sizeLabel(n)} entities`);
      const { generateMs, parseMs, fileBytes } = await generate(page, n);
      // Ready for matching, as a reader sees it: the import starts; once it says the pack can
      // be matched, a page is opened, until its first marks (the rest of the pack is still
      // being written meanwhile, on the same two cores).
      const sampler = await sampleTargetHeap(cdp, 'service_worker');
      const started = performance.now();
      const { matchableMs, writeStartMs } = await startImport(page);
      const { page: reader } = await browser.newPage();
      const opened = performance.now();
      await reader.goto(server.url('/first.html'));
      await waitForMark(reader, 'factmark:scan-end', 120_000, 1);
      const marked = performance.now();
      const firstPageMs = marked - opened;
      const firstPageMarks = await reader.evaluate(() => ((performance.getEntriesByName('factmark:scan-end').find((m) => (((m as PerformanceMark).detail as { marks?: number } | null)?.marks ?? 0) >= 1) as PerformanceMark).detail as { marks: number }).marks);
      await reader.close();
      const finished = await finishImport(page);
      const importHeap = await sampler.stop();
      const installed = { entities: n, generateMs, parseMs, fileBytes, matchableMs, writeStartMs, readyMs: marked - started, ...finished };
      const lookups = await timeLookups(page, search !== undefined);
      const heap = await targetHeap(cdp, 'service_worker');
      results.push({ ...installed, ...lookups, firstPageMs, firstPageMarks, backgroundHeap: heap?.usedSize, importHeapPeak: importHeap?.peak, importHeapPeakSpan: importHeap && [importHeap.from - started, importHeap.until - started], importHeapSeries: importHeap?.series.map(([t, b]): [number, number] => [Math.round(t - started), b]) });
      // One pack at a time: the next size replaces this one. Removed through the background,
      // as the options page removes packs, so it knows at once (its pack list is shared).
      await page.evaluate(async (id) => {
        const g = globalThis as unknown as BenchGlobals;
        const reply = await g.chrome.runtime.sendMessage({ type: 'removePack', packId: id });
        if (!reply.ok) throw new Error(`removePack: ${reply.error}`);
      }, `bench-${n}`);
    }
    out.data = { baseBackgroundHeap: baseHeap?.usedSize, results };
    out.tables.push({
      title: 'Store: installing a pack in Chromium (extension page, real IndexedDB)',
      columns: ['entities', 'rows', 'file', 'parse ms', 'validate ms', 'hash ms', 'checks → install ms', 'import → matchable ms', 'first page marked ms', 'install → marks ms', 'import → marks ms', 'whole pack written ms', 'getDictionary ms', 'build ms', 'search rows ms', 'search index ms', 'ready for search ms'],
      rows: results.map((r) => {
        const searchReady = r.searchIndexMs === undefined ? undefined : r.writeMs + r.searchRowsMs! + r.searchIndexMs;
        return [sizeLabel(r.entities), r.rows, fmtBytes(r.fileBytes), r.parseMs, r.validateMs, r.hashMs, r.writeStartMs, r.matchableMs, `${fmt(r.firstPageMs)} (${r.firstPageMarks} marks)`, r.readyMs - r.writeStartMs, r.readyMs, r.writeMs, r.dictionaryMs, r.buildMs, r.searchRowsMs, r.searchIndexMs, searchReady];
      }),
      notes: [
        'The import is lib/packs importPackFile as the options page runs it, given the pack\'s file as Factmark writes it (packFileText: canonical JSON laid out with spaces): read, parse, validate; hand the background the pack\'s dictionary (prepareMatcher: it builds its matcher meanwhile, lib/background/prepared-matcher.ts); hash check (from the file\'s bytes, lib/pack/file-hash.ts; the parsed pack is hashed only when that gives no answer); then the install (lib/store loadPack, the store write). checks → install: from the import\'s start until the write began (reading and parsing the file included). install → marks: from then until the first page had its marks (the target\'s measure); import → marks: from the import\'s start (the checks included). import → matchable: from its start until it said the pack can be matched (the checks, then the pack\'s dictionary row committed in its own transaction; the other rows follow in transactions of lib/store STAGED_TRANSACTION_ROWS). The page then tells the background (packsChanged) and a page naming the pack\'s first entities is opened: first page marked is from opening it until its content script\'s first marks (for big packs the background reads the dictionary rows and builds its matcher on that first request). Ready for matching = wall-clock time from the import\'s start until those marks, with the rest of the pack being written meanwhile. Whole pack written: from the import\'s start until the last row (cards and search see the pack from then on).',
        'parse, validate and hash: JSON.parse of the file\'s text, validatePack and packHash (of the parsed pack: the slow way, when the file gives no answer) timed apart from the import. getDictionary and build: the dictionary message from an extension page and lib/match buildDictionary of its answer (the two steps of the matcher build in the background, timed apart). Ready for search = whole pack written + reading the search rows from the store + createSearchIndex.',
        'The bundled seed pack stays installed beside the synthetic one, as for a user who imports a pack.',
      ],
    });
    out.tables.push({
      title: 'Store: look-ups in Chromium (ms)',
      columns: ['entities', 'card median', 'card p95', 'keystrokes', 'search median', 'search p95', 'search max', 'background heap', 'background heap peak during the import'],
      rows: results.map((r) => [sizeLabel(r.entities), percentile(r.cardMs, 50), percentile(r.cardMs, 95), r.keystrokes || undefined, percentile(r.keystrokeMs, 50), percentile(r.keystrokeMs, 95), r.keystrokeMs.length ? Math.max(...r.keystrokeMs) : undefined, fmtBytes(r.backgroundHeap), r.importHeapPeak === undefined ? undefined : `${fmtBytes(r.importHeapPeak)} (${fmt(r.importHeapPeakSpan![0] / 1000, 1)}–${fmt(r.importHeapPeakSpan![1] / 1000, 1)} s)`]),
      notes: [
        'card: a getEntityCard message from an extension page to the background and back (entityCard over IndexedDB), 40 entities. search: lib/search search() per keystroke, each prefix of 25 names or acronyms and two mistyped queries, in the page.',
        `background heap: the service worker's V8 heap after a GC with the pack installed (CDP Runtime.getHeapUsage); ${fmtBytes(baseHeap?.usedSize)} with only the seed pack.`,
        "background heap peak during the import: the highest of Runtime.getHeapUsage read every 100 ms from the import's start until its last row, without a GC (garbage not yet collected counts, as the process holds it), and from when to when (after the import's start) it stayed within 2% of that. It includes the matcher the background prepares from the dictionary it is handed (prepareMatcher) beside the one it uses. Typed arrays (the automaton's tables) live outside the V8 heap and are not in it.",
        ...results.filter((r) => r.searchError).map((r) => `search failed at ${sizeLabel(r.entities)}: ${r.searchError}`),
      ],
    });
  } finally {
    await browser.close();
  }

  const big = results.find((r) => r.entities === 100_000);
  const ready = big && big.readyMs - big.writeStartMs;
  out.targets.push({
    id: 'pack-ready',
    goal: 'a 100k-entity pack is ready for matching within 1 s of install',
    met: ready === undefined ? undefined : ready <= 1000,
    ratio: ready === undefined ? undefined : ready / 1000,
    measured: big
      ? `${fmt(ready! / 1000, 2)} s from the install's start (the store write, after the import's checks) until a page opened next had its marks (first page ${fmt((big.firstPageMs ?? Number.NaN) / 1000, 2)} s); the whole pack (${big.rows.toLocaleString('en-US')} rows) written after ${fmt(big.writeMs / 1000, 1)} s`
      : 'not measured (--quick installs 1k and 10k only)',
  });
  // The same wait counted the stricter way, as a reader who picks the file sees it.
  out.targets.push({
    id: 'pack-ready-with-checks',
    goal: 'the same, counted from the import\'s start (reading the file, validation and hash check included)',
    met: big === undefined ? undefined : big.readyMs <= 1000,
    ratio: big === undefined ? undefined : big.readyMs / 1000,
    measured: big
      ? `${fmt(big.readyMs / 1000, 2)} s: reading the ${fmtBytes(big.fileBytes)} file and its checks ${fmt(big.writeStartMs / 1000, 2)} s (parse ${fmt(big.parseMs / 1000, 2)} s and validate ${fmt(big.validateMs / 1000, 2)} s when timed apart; the hash from the file's bytes), then ${fmt(ready! / 1000, 2)} s`
      : 'not measured (--quick installs 1k and 10k only)',
  });
  const p95 = big && big.keystrokes > 0 ? percentile(big.keystrokeMs, 95) : undefined;
  out.targets.push({
    id: 'search-keystroke',
    goal: 'popup search ≤ 10 ms per keystroke at p95 with 100k entities',
    met: p95 === undefined ? undefined : p95 <= 10,
    ratio: p95 === undefined ? undefined : p95 / 10,
    measured: p95 !== undefined ? `p95 ${fmt(p95)} ms, median ${fmt(percentile(big!.keystrokeMs, 50))} ms over ${big!.keystrokes} keystrokes` : !search ? 'not available yet (lib/search)' : 'not measured (--quick installs 1k and 10k only)',
  });
  return out;
}
