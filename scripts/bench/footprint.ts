/**
 * Section 4: footprint. The content script's bundle (raw and gzip, what every page and
 * frame loads), the other bundles beside it, and in Chromium the heap the content script
 * adds to a large page and the background's heap with only the bundled pack. (The heap
 * with each synthetic pack, up to 100k aliases, is in the marking section's notes; the
 * background's with 10k and 100k entities in the store section's table.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_EXTENSION_DIR, startServer } from '../../tests/e2e/harness';
import { launchPlain, launchSnapshot, targetHeap } from './browser';
import { emptySection, resultsPath, type BenchContext, type SectionResult } from './context';
import { benchPages } from './marking-pages';
import { plainHeap, runOurs } from './marking-runs';
import { seedPack } from './packs';
import { fmtBytes } from './stats';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export async function benchFootprint(ctx: BenchContext): Promise<SectionResult> {
  const out = emptySection();
  const js = files(DEFAULT_EXTENSION_DIR).filter((f) => f.endsWith('.js'));
  const sizes = js.map((f) => {
    const body = readFileSync(f);
    return { file: relative(DEFAULT_EXTENSION_DIR, f), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  }).sort((a, b) => (a.file.startsWith('content-scripts/') ? -1 : b.file.startsWith('content-scripts/') ? 1 : b.raw - a.raw));
  out.tables.push({
    title: 'Footprint: bundles of the Chrome build (.output/chrome-mv3)',
    columns: ['file', 'raw', 'gzip'],
    rows: sizes.map((s) => [s.file, fmtBytes(s.raw), fmtBytes(s.gzip)]),
    notes: ['content-scripts/content.js is what every page (and every frame: allFrames) loads and evaluates.'],
  });

  const seed = seedPack(ctx.root);
  const pages = await benchPages(ctx.root, seed, resultsPath(ctx, 'corpus-text-cache.json'), 1);
  const page = pages.largest[0] ?? pages.mentions;
  const CSP = { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:" };
  const routes = { '/blank.html': { body: '<!doctype html><title>blank</title>', headers: CSP }, [page.path]: { body: page.html, headers: CSP } };
  const ext = await launchSnapshot();
  let withExt: number[] = [];
  let background: number | undefined;
  try {
    const server = await ext.serve(routes);
    for (let i = 0; i < 3; i++) withExt.push((await runOurs(ext, server.origin, page.path, 60_000)).heapBytes);
    const { page: control } = await ext.open('options.html');
    background = (await targetHeap(await ext.context.newCDPSession(control), 'service_worker'))?.usedSize;
  } finally {
    await ext.close();
  }
  const plain = await launchPlain();
  const without: number[] = [];
  try {
    const server = await startServer(routes);
    for (let i = 0; i < 3; i++) without.push(await plainHeap(plain, server.origin, page.path));
    await server.close();
  } finally {
    await plain.close();
  }
  withExt = withExt.sort((a, b) => a - b);
  const w = withExt[1]!;
  const wo = without.sort((a, b) => a - b)[1]!;
  out.tables.push({
    title: 'Footprint: heap in Chromium (bundled seed pack)',
    columns: ['what', 'V8 heap after GC'],
    rows: [
      [`page ${page.id}, without the extension`, fmtBytes(wo)],
      [`the same page, marked by the extension`, fmtBytes(w)],
      ['added by the content script (its world, the page text it read, marks, overlay state)', fmtBytes(w - wo)],
      ['background service worker, seed pack only', fmtBytes(background)],
    ],
    notes: ['Medians of 3 loads; CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage on the page target (its isolated worlds share the page\'s V8 heap) and on the service worker target.'],
  });
  out.data = { bundles: sizes, page: page.id, heapWith: withExt, heapWithout: without, backgroundHeap: background };
  return out;
}
