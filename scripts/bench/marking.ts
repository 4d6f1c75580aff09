/**
 * Section 2: marking pages in headless Chromium with the built extension, beside mark.js
 * keyword mode (what most highlighting extensions do) in a browser without it.
 *
 * The packs: the bundled seed pack alone, then synthetic packs of 50, 100, 1k and 100k
 * aliases written into the extension's IndexedDB from an extension page with lib/store's
 * loadPack (as the options page imports a pack), the bundled pack switched off through
 * the privileged setPackEnabled message, so that the extension matches exactly the alias
 * list mark.js is given.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { FactPack } from '../../lib/pack/types';
import { startServer } from '../../tests/e2e/harness';
import { escapeHtml } from '../demo-pages';
import { bundle, launchPlain, launchSnapshot, targetHeap } from './browser';
import { emptySection, resultsPath, type BenchContext, type SectionResult } from './context';
import { benchPages, type BenchPage } from './marking-pages';
import { plainHeap, runBurst, runMarkJs, runOurs, type BurstRun, type MarkJsRun, type OurRun } from './marking-runs';
import { benchPack, seedPack, sizeLabel, syntheticByAliases } from './packs';
import { fmt, fmtBytes, median, type Table } from './stats';

type Bench = typeof import('./browser-entry');
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

interface Config {
  label: string;
  /** Synthetic aliases installed (0: the bundled seed pack alone). */
  synthetic: number;
  aliases: string[];
  /** A name of the pack, for the largest page read in full. */
  name: string;
}

/**
 * The largest page with one paragraph naming an entity of the pack: its rendered text now
 * mentions something, so the overlay reads the whole DOM (the page as it is mentions none
 * of the synthetic names, and the probe of its rendered text skips reading it).
 */
function named(page: BenchPage, config: Config): BenchPage {
  return {
    ...page,
    id: `${page.id}+name`,
    label: `${page.label.split(' (')[0]} + a paragraph naming one entity (read in full)`,
    path: `/named/${config.synthetic}.html`,
    html: page.html.replace(/<\/body>|$/i, (end) => `<p>${escapeHtml(config.name)} arrived on Monday.</p>${end}`),
  };
}

/** Every alias text (names included) the extension will match, for mark.js. */
function aliasTexts(pack: FactPack): string[] {
  return [...new Set(benchPack('x', pack).entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]))];
}

/** Installs the config's pack in the extension's store from an extension page. */
async function installConfig(page: Page, config: Config, seedId: string): Promise<void> {
  await page.evaluate(
    async ({ synthetic, seedId }) => {
      const g = globalThis as unknown as { FactmarkBench: Bench; chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; error?: string }> } } };
      const B = g.FactmarkBench;
      const db = B.createStore();
      await B.removePack(db, 'bench-synthetic');
      if (synthetic > 0) await B.loadPack(db, B.syntheticPack({ aliases: synthetic, seed: 1, id: 'bench-synthetic' }), 'imported', Date.now());
      db.close();
      const r = await g.chrome.runtime.sendMessage({ type: 'setPackEnabled', packId: seedId, enabled: synthetic === 0 });
      if (!r.ok) throw new Error(`setPackEnabled: ${r.error}`);
      await g.chrome.runtime.sendMessage({ type: 'packsChanged' }).catch(() => undefined);
    },
    { synthetic: config.synthetic, seedId },
  );
}

/** Per-field medians of several runs. */
function medianRun<T extends object>(runs: readonly T[]): T {
  const out = { ...runs[0]! } as Record<string, unknown>;
  for (const key of Object.keys(out)) {
    const values = runs.map((r) => (r as Record<string, unknown>)[key]);
    if (values.every((v) => typeof v === 'number')) out[key] = median(values as number[]);
  }
  return out as T;
}

const secs = (ms: number) => `${fmt(ms / 1000, 1)} s`;
function markJsTime(r: MarkJsRun): string {
  return r.finished ? `${fmt(r.ms)} ms` : `> ${secs(r.ms)} (${r.done}/${r.keywords} keywords; ~${secs(r.estimateMs)} est.)`;
}

export async function benchMarking(ctx: BenchContext): Promise<SectionResult> {
  const out = emptySection();
  const seed = seedPack(ctx.root);
  const pages = await benchPages(ctx.root, seed, resultsPath(ctx, 'corpus-text-cache.json'), ctx.quick ? 1 : 3);
  out.notes.push(...pages.notes);
  const sizes = ctx.quick ? [50, 1_000] : [50, 100, 1_000, 100_000];
  const configs: Config[] = [{ label: `seed (${aliasTexts(seed).length})`, synthetic: 0, aliases: aliasTexts(seed), name: 'Khalil Hashmi' }, ...sizes.map((n) => ({ label: `${sizeLabel(n)} synthetic`, synthetic: n, aliases: aliasTexts(syntheticByAliases(n)), name: syntheticByAliases(n).entities[0]!.name }))];
  const runsPer = ctx.quick ? 1 : 3;
  const routes: Record<string, { body: string; headers: Record<string, string> }> = { '/blank.html': { body: '<!doctype html><title>blank</title>', headers: { 'Content-Security-Policy': CSP } } };
  const all: BenchPage[] = [...pages.largest, pages.mentions, pages.dynamic, ...(pages.noMentions ? [pages.noMentions] : [])];
  const namedPages = new Map<number, BenchPage>();
  if (pages.largest[0]) for (const c of configs) namedPages.set(c.synthetic, named(pages.largest[0], c));
  for (const p of [...all, ...namedPages.values()]) routes[p.path] = { body: p.html, headers: { 'Content-Security-Policy': CSP } };

  const ours = new Map<string, OurRun>();
  const key = (config: Config, page: BenchPage) => `${config.label}|${page.id}`;
  let burst: BurstRun | undefined;
  let idle: OurRun[] = [];
  const backgroundHeap = new Map<string, number | undefined>();
  const heapWithout = new Map<string, number>();
  const core = await bundle(ctx.root, 'scripts/bench/browser-entry.ts', 'FactmarkBench');
  const ext = await launchSnapshot();
  try {
    const server = await ext.serve(routes);
    const { page: control } = await ext.open('options.html');
    await control.evaluate(core);
    const controlCdp = await ext.context.newCDPSession(control);
    for (const config of configs) {
      ctx.log(`marking: ${config.label}`);
      await installConfig(control, config, seed.id);
      const full = namedPages.get(config.synthetic);
      const targets = [...(config.synthetic === 0 ? [...pages.largest, pages.mentions] : pages.largest), ...(full ? [full] : [])];
      // One load first, not measured: for big packs the background builds its matcher on the
      // first page after a change (the store section times that), later pages reuse it.
      if (targets[0]) await runOurs(ext, server.origin, targets[0].path, 180_000);
      for (const page of targets) {
        const runs: OurRun[] = [];
        // The page the targets are checked on gets more runs: the machine is shared.
        const n = page === pages.largest[0] && !ctx.quick ? 5 : runsPer;
        for (let i = 0; i < n; i++) runs.push(await runOurs(ext, server.origin, page.path, 180_000));
        ours.set(key(config, page), medianRun(runs));
      }
      backgroundHeap.set(config.label, (await targetHeap(controlCdp, 'service_worker'))?.usedSize);
      if (config.synthetic === 0) {
        if (pages.noMentions) for (let i = 0; i < (ctx.quick ? 3 : 7); i++) idle.push(await runOurs(ext, server.origin, pages.noMentions.path, 30_000));
        burst = await runBurst(ext, server.origin, pages.dynamic.path, pages.burst.paragraphs, pages.burst.mentionsAfter);
      }
    }
  } finally {
    await ext.close();
  }

  // mark.js in a browser without the extension, on the same pages.
  const markJs = readFileSync(resolve(ctx.root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const markRuns = new Map<string, MarkJsRun>();
  const plain = await launchPlain();
  try {
    const context = await plain.newContext();
    const server = await startServer(routes);
    try {
      const limit = (synthetic: number) => (ctx.quick ? 8_000 : synthetic >= 1000 ? 120_000 : 30_000);
      for (const config of configs.filter((c) => c.synthetic === 100 || c.synthetic === 1_000 || (ctx.quick && c.synthetic === 50))) {
        for (const page of config.synthetic === 1_000 ? pages.largest.slice(0, 1) : pages.largest) {
          ctx.log(`marking: mark.js, ${config.aliases.length} keywords, ${page.id}`);
          markRuns.set(key(config, page), await runMarkJs(plain, markJs, server.origin, page.path, config.aliases, limit(config.synthetic)));
        }
      }
      for (const page of [...pages.largest, pages.mentions]) heapWithout.set(page.id, await plainHeap(plain, server.origin, page.path));
      const seedConfig = configs[0]!;
      ctx.log('marking: mark.js, seed aliases, mentions page');
      markRuns.set(key(seedConfig, pages.mentions), await runMarkJs(plain, markJs, server.origin, pages.mentions.path, seedConfig.aliases, limit(0)));
    } finally {
      await server.close();
      await context.close();
    }
  } finally {
    await plain.close();
  }

  const expected = (page: BenchPage, config: Config) => (config.synthetic === 0 ? String(page.seedMentions) : '–');
  const ourTable: Table = {
    title: 'Marking a page in Chromium with the extension (median of 3 runs, 5 on the first page)',
    columns: ['page', 'pack (aliases)', 'marks', 'expected', 'mode', 'start → last mark ms', 'setup ms', 'scan → last mark ms', 'our main-thread ms', 'our longest task ms', 'longest task (any) ms', 'page heap (+ ours)'],
    rows: [],
    notes: [
      'Each pack is loaded once before the measured runs (for big packs the background builds its matcher on the first page; see the store section\'s "first page marked").',
      'start: the content script\'s evaluation (CDP trace); last mark: the overlay\'s factmark:scan-end performance mark. setup: the settings (a message to the background) and the overlay\'s start, before it reads the page. mode: dom (marks are elements), highlight (CSS highlights), probed (the page\'s rendered text, matched in the background, mentioned nothing: the DOM was not read). our main-thread ms: the tasks that ran extension code in that window (trace). The matching itself runs in the background, off the page\'s thread (lib/background/matcher-service.ts).',
      'pack: the bundled seed pack alone (its alias texts), or a synthetic pack of that many aliases with the bundled pack switched off. expected: mentions of the seed pack our matcher finds in the same text in Node (happy-dom blocks).',
      'The largest pages: the most text, then the most HTML, of the real (non-synthetic) corpus pages.',
      'page heap: the renderer\'s V8 heap after a GC with the marks in place (CDP Runtime.getHeapUsage; the content script\'s isolated world shares it), and in brackets what it adds over the same page in a browser without the extension.',
      `background heap (service worker, after a GC) with each pack: ${configs.map((c) => `${c.label} ${fmtBytes(backgroundHeap.get(c.label))}`).join(', ')}.`,
    ],
  };
  for (const config of configs) {
    const full = namedPages.get(config.synthetic);
    for (const page of [...pages.largest, pages.mentions, ...(full ? [full] : [])]) {
      const r = ours.get(key(config, page));
      const without = heapWithout.get(page === full ? pages.largest[0]!.id : page.id);
      if (r) ourTable.rows.push([page.label, config.label, r.marks, page === full ? '≥ 1' : expected(page, config), r.mode, r.totalMs, r.setupMs, r.scanMs, r.oursMs, r.longestOursMs, r.longestAnyMs, `${fmtBytes(r.heapBytes)} (+${without === undefined ? '?' : fmtBytes(r.heapBytes - without)})`]);
    }
  }
  out.tables.push(ourTable);
  const markTable: Table = {
    title: 'mark.js keyword mode (no extension), same pages and alias lists',
    columns: ['page', 'keywords', 'mark.js marks', 'mark.js time', 'ours main-thread ms', 'ours faster by'],
    rows: [],
    notes: ['mark.js runs synchronously: its time is one task of that length. A run that hit the time limit shows a lower bound (and an extrapolation from the keywords done); the ratio is computed from the bound.'],
  };
  for (const [k, m] of markRuns) {
    const [label, pageId] = k.split('|');
    const config = configs.find((c) => c.label === label)!;
    const page = all.find((p) => p.id === pageId)!;
    const mine = ours.get(k);
    markTable.rows.push([page.label, config.synthetic > 0 ? `${config.label} (${m.keywords} distinct)` : config.label, m.marks, markJsTime(m), mine?.oursMs, mine ? `${fmt(m.ms / mine.oursMs, 0)}×${m.finished ? '' : ' (≥)'}` : '–']);
  }
  out.tables.push(markTable);
  const idleRun = idle.length > 0 ? medianRun(idle) : undefined;
  out.tables.push({
    title: 'Pages with no mentions, and a burst of added paragraphs (seed pack)',
    columns: ['case', 'marks', 'wall ms', 'our main-thread ms', 'our longest task ms', 'longest task (any) ms'],
    rows: [
      ...(idleRun && pages.noMentions ? [[`no mentions: ${pages.noMentions.label} (median of ${idle.length})`, idleRun.marks, idleRun.totalMs, idleRun.oursMs, idleRun.longestOursMs, idleRun.longestAnyMs]] : []),
      ...(burst ? [[`burst: ${burst.added} paragraphs added to ${pages.dynamic.label.split(',')[0]} (${burst.marksBefore} → ${burst.marksAfter} marks, ${pages.burst.mentionsAfter} expected)`, burst.marksAfter - burst.marksBefore, burst.totalMs, burst.oursMs, burst.longestOursMs, burst.longestAnyMs]] : []),
    ],
    notes: [
      'burst wall ms: from adding the paragraphs (one DOM change) to the overlay\'s factmark:update-end mark, including its 100 ms batching delay.',
      ...(idle.length > 0 ? [`no mentions, our tasks in one load (ms, in order; the first is the content script's evaluation): ${idle[0]!.ourTasks.join(', ')}; the page's text: ${fmt(pages.noMentions!.chars, 0)} characters.`] : []),
    ],
  });

  const largest = pages.largest[0];
  const at = (synthetic: number) => {
    const config = configs.find((c) => c.synthetic === synthetic);
    return largest && config ? ours.get(key(config, largest)) : undefined;
  };
  const thousand = configs.find((c) => c.synthetic === 1_000);
  const vsMark = largest && thousand ? markRuns.get(key(thousand, largest)) : undefined;
  const mine1k = at(1_000);
  const full1k = thousand ? ours.get(key(thousand, namedPages.get(1_000)!)) : undefined;
  if (vsMark && mine1k) {
    const ratio = vsMark.ms / mine1k.oursMs;
    const fullRead = full1k ? `; the same page with a paragraph naming one of the 1k, read in full: ${fmt(full1k.oursMs)} ms, ${fmt(vsMark.ms / full1k.oursMs, 0)}×${vsMark.finished ? '' : ' at least'}, longest task ${fmt(full1k.longestOursMs)} ms` : '';
    out.targets.push({
      id: 'marking-vs-markjs',
      goal: 'marking the largest corpus page is ≥ 1000× faster than mark.js keyword mode at 1k aliases and no task exceeds 50 ms',
      met: ratio >= 1000 && mine1k.longestOursMs <= 50,
      ratio,
      measured: `${fmt(ratio, 0)}×${vsMark.finished ? '' : ' at least'} (mark.js ${markJsTime(vsMark)}, ours ${fmt(mine1k.oursMs)} ms main-thread, ${fmt(mine1k.totalMs)} ms start → last mark, on ${largest!.id}${mine1k.mode === 'probed' ? ', which mentions none of the 1k names: the probe of its rendered text found nothing and the DOM was not read' : ''}); our longest task ${fmt(mine1k.longestOursMs)} ms${fullRead}`,
    });
  } else out.targets.push({ id: 'marking-vs-markjs', goal: 'marking the largest corpus page is ≥ 1000× faster than mark.js keyword mode at 1k aliases and no task exceeds 50 ms', met: undefined, measured: 'not measured (corpus absent)' });
  const small = at(50);
  const big = at(100_000);
  out.targets.push({
    id: 'marking-scaling',
    goal: 'going from 50 to 100k aliases costs at most 2× in marking time',
    met: small && big ? big.oursMs / small.oursMs <= 2 : undefined,
    ratio: small && big ? big.oursMs / small.oursMs : undefined,
    measured: small && big ? `${fmt(big.oursMs / small.oursMs, 1)}× main-thread (${fmt(small.oursMs)} → ${fmt(big.oursMs)} ms; start → last mark ${fmt(small.totalMs)} → ${fmt(big.totalMs)} ms, of which setup ${fmt(small.setupMs)} → ${fmt(big.setupMs)} ms) on ${largest!.id}` : ctx.quick ? 'not measured (--quick has no 100k run)' : 'not measured (corpus absent)',
  });
  out.targets.push({
    id: 'idle-cost',
    goal: 'the content script adds ≤ 5 ms on a page with no mentions',
    met: idleRun ? idleRun.oursMs <= 5 : undefined,
    ratio: idleRun ? idleRun.oursMs / 5 : undefined,
    measured: idleRun ? `${fmt(idleRun.oursMs)} ms of main-thread time in ${fmt(idleRun.oursCount, 0)} tasks (longest ${fmt(idleRun.longestOursMs)} ms), median of ${idle.length} loads of ${pages.noMentions!.id}` : 'not measured (corpus absent)',
  });
  out.data = { backgroundHeap: Object.fromEntries(backgroundHeap), heapWithout: Object.fromEntries(heapWithout), pages: all.map(({ html: _html, ...p }) => p), configs: configs.map(({ aliases, ...c }) => ({ ...c, aliases: aliases.length })), ours: Object.fromEntries(ours), markJs: Object.fromEntries(markRuns), idle, burst };
  return out;
}
