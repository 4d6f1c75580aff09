/**
 * Robustness on pages nobody here wrote: every saved news page in ../shared/corpus/news-html,
 * in real Chromium with the built extension. For each page: no error from our code, the
 * visible text identical before and after marking, nothing marked in excluded elements, and
 * after undo the same HTML and the same text nodes. Prints the slowest pages' scan times.
 *
 * Few of these pages name anything of the seed pack, and a page whose rendered text
 * mentions nothing is never read or marked (lib/overlay: the probe). So that every page is
 * read, marked and undone for real, a pack of common news words ("said", "people") is
 * installed beside the seed pack.
 *
 * The pages' own scripts never run and nothing is fetched: each page is served with a
 * Content-Security-Policy that allows no script and no request (extension content scripts
 * are not subject to it), and the harness refuses and records anything that tries to leave.
 * Skips, saying so, when the corpus folder is absent (a user's fresh clone). Set
 * FACTMARK_CORPUS_LIMIT=N to run the first N pages only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactPack } from '../../lib/pack/types';
import { installPackRows, privileged } from './card-page';
import { launchExtension, PROJECT_ROOT, type ExtensionHarness, type ExternalRequest, type LocalServer, type Routes } from './harness';

const COMMON_WORDS: FactPack = {
  format: 'factmark-pack',
  formatVersion: 1,
  id: 'corpus-common-words',
  name: 'Common news words (corpus test)',
  version: '1.0.0',
  hash: 'test',
  sources: [],
  entities: [
    { id: 'word-said', type: 'organisation', name: 'said', aliases: [] },
    { id: 'word-people', type: 'organisation', name: 'people', aliases: [] },
  ],
  roles: [],
  facts: [],
  deals: [],
} as unknown as FactPack;

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};

const CORPUS = join(PROJECT_ROOT, '..', 'shared', 'corpus', 'news-html');
const present = existsSync(CORPUS);
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
const EXCLUDED = 'input,textarea,select,[contenteditable],script,style,noscript,template,svg,code,pre,[hidden]';

function corpusPages(): Array<{ name: string; file: string }> {
  const pages = readdirSync(CORPUS).flatMap((dir) =>
    readdirSync(join(CORPUS, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ name: `${dir}/${f}`, file: join(CORPUS, dir, f) })),
  );
  const limit = Number(process.env.FACTMARK_CORPUS_LIMIT ?? 0);
  return limit > 0 ? pages.slice(0, limit) : pages;
}

/** Preconnect and prefetch hints make Chromium open connections that no CSP or route can stop. */
function withoutResourceHints(html: string): string {
  return html.replace(/<link\b[^>]*\brel\s*=\s*["']?[^"'>]*\b(preconnect|dns-prefetch|prefetch|preload|prerender|modulepreload)\b[^>]*>/gi, '');
}

const RECORD_ORIGINAL = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) (node as unknown as { __fm: number }).__fm = n++;
    (window as unknown as { __original: object }).__original = { html: document.body?.innerHTML ?? '', text: document.body?.textContent ?? '', nodes: n };
  });
};

interface PageResult {
  name: string;
  marks: number;
  highlights: number;
  excluded: number;
  textSame: boolean;
  renderedSame: boolean;
  undoHtmlSame: boolean;
  undoNodesSame: boolean;
  scanMs: number;
  mode: string;
  errors: string[];
}

describe.skipIf(!present)('robustness on the real-page corpus', () => {
  let browser: ExtensionHarness;
  let server: LocalServer;
  const pages = present ? corpusPages() : [];
  const results: PageResult[] = [];
  /** Hosts the saved pages themselves name: Chromium may open connections to them (embeds, hints). */
  const pageHosts = new Set<string>();

  beforeAll(async () => {
    browser = await launchExtension();
    const routes: Routes = {};
    pages.forEach((p, i) => {
      const html = withoutResourceHints(readFileSync(p.file, 'utf8'));
      for (const m of html.matchAll(/\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) pageHosts.add(m[1]!.toLowerCase());
      routes[`/${i}.html`] = { body: html, headers: { 'Content-Security-Policy': CSP } };
    });
    server = await browser.serve(routes);
    await browser.context.addInitScript(RECORD_ORIGINAL);
    await installPackRows(browser.serviceWorker, COMMON_WORDS);
    await privileged(browser, { type: 'setPackEnabled', packId: COMMON_WORDS.id, enabled: true });
  }, 120_000);

  afterAll(async () => {
    const slow = [...results].sort((a, b) => b.scanMs - a.scanMs).slice(0, 10);
    console.log(`\nslowest scans of ${results.length} pages (content script, start to last mark):`);
    for (const r of slow) console.log(`  ${r.scanMs.toFixed(1).padStart(7)} ms  ${String(r.marks).padStart(4)} marks  ${r.name}`);
    const marked = results.filter((r) => r.marks + r.highlights > 0);
    console.log(`pages with marks: ${marked.length} of ${results.length} (${marked.reduce((n, r) => n + r.marks, 0)} marks, ${marked.reduce((n, r) => n + r.highlights, 0)} highlights in all)`);
    console.log(`pages in the no-mutation mode (framework DOM): ${results.filter((r) => r.mode === 'highlight').length}`);
    await browser?.close();
  });

  it('every page: no error of ours, text unchanged, nothing in excluded places, exact undo', { timeout: 1_800_000 }, async () => {
    const { page, errors } = await browser.newPage();
    // The saved pages' own images and icons: refused before they leave (CSP stops most).
    await page.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
    const worker = browser.serviceWorker;
    for (const [i, p] of pages.entries()) {
      errors.messages.length = 0;
      await page.goto(server.url(`/${i}.html`), { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('factmark:scan-end').length > 0, undefined, { timeout: 20_000 });
      const state = await page.evaluate((excluded) => {
        const w = window as unknown as { __original: { html: string; text: string; nodes: number } };
        const marks = [...document.querySelectorAll('mark[data-factmark-entity]')];
        // Pages built by frameworks get CSS highlights instead of <mark> elements.
        const ranges = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h]);
        const start = performance.getEntriesByName('factmark:scan-start')[0]!.startTime;
        const end = performance.getEntriesByName('factmark:scan-end')[0]!.startTime;
        return {
          marks: marks.length,
          highlights: ranges.length,
          excluded: marks.filter((m) => m.closest(excluded)).length + ranges.filter((r) => r.startContainer.parentElement?.closest(excluded)).length,
          // textContent: the text itself, whatever the page's late styles do to layout.
          textSame: document.body.textContent === w.__original.text,
          rendered: document.body.innerText,
          mode: (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0 || document.querySelector('[data-reactroot], #__next, #__nuxt, [ng-version], [data-v-app], #___gatsby, [data-server-rendered]') ? 'highlight' : 'dom',
          scanMs: end - start,
        };
      }, EXCLUDED);
      const toggled = await worker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        return chrome.tabs.sendMessage(tab!.id!, { type: 'togglePage' });
      }, page.url());
      expect(toggled, p.name).toMatchObject({ ok: true, data: { active: false } });
      const undo = await page.evaluate((rendered) => {
        const w = window as unknown as { __original: { html: string; nodes: number } };
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let n = 0;
        let inOrder = true;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as unknown as { __fm: number }).__fm !== n++) inOrder = false;
        // The rendered text with marks equals the rendered text after undo: marks change no layout of lines.
        return { html: document.body.innerHTML === w.__original.html, nodes: inOrder && n === w.__original.nodes, renderedSame: document.body.innerText === rendered };
      }, state.rendered);
      // Errors of ours: anything from our extension; the page's CSP refusals (and saved
      // references to other extensions' files) are its own.
      const ours = errors.messages.filter((m) => m.includes(browser.extensionId) || /factmark/i.test(m));
      const { rendered: _rendered, ...summary } = state;
      results.push({ name: p.name, ...summary, renderedSame: undo.renderedSame, undoHtmlSame: undo.html, undoNodesSame: undo.nodes, errors: ours });
    }
    await page.close();
    const bad = results.filter((r) => r.excluded > 0 || !r.textSame || !r.renderedSame || !r.undoHtmlSame || !r.undoNodesSame || r.errors.length > 0);
    expect(bad).toEqual([]);
    expect(results).toHaveLength(pages.length);
    // The pages were read and marked, not only probed (most news pages say "said").
    expect(results.filter((r) => r.marks + r.highlights > 0).length).toBeGreaterThan(pages.length / 2);
    // Nothing left the machine (the harness's proxy refuses all of it), and nothing but the
    // saved pages' own resources even tried: requests from the pages (Playwright reports
    // them with the page's URL) or to hosts the pages name (embeds, connection hints).
    const pagesOwn = (r: ExternalRequest) => (r.via === 'page' && (r.from ?? '').startsWith(server.origin)) || pageHosts.has(hostOf(r.url));
    expect(browser.externalRequests().filter((r) => !pagesOwn(r))).toEqual([]);
  });
});

if (!present) console.log(`corpus e2e skipped: ${CORPUS} is absent`);
