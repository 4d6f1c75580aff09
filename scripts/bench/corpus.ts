/**
 * The real pages in ../shared/corpus/news-html (test data beside the checkout, never in
 * the project): their list from INDEX.tsv, their text as the overlay reads it
 * (collectBlocks over a happy-dom parse, scripts removed), and a script-free copy to
 * serve to the browser. Everything here says so when the corpus is absent.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { collectBlocks } from '../../lib/overlay/text-blocks';

export interface CorpusPage {
  /** "readability/wikipedia-2" */
  id: string;
  file: string;
  bytes: number;
  site: string;
  synthetic: boolean;
}

export function corpusDir(projectRoot: string): string {
  return resolve(projectRoot, '..', 'shared', 'corpus', 'news-html');
}

/** Every page listed in the corpus' INDEX.tsv files (empty when the corpus is absent). */
export function listCorpus(root: string): CorpusPage[] {
  if (!existsSync(root)) return [];
  const pages: CorpusPage[] = [];
  for (const dir of readdirSync(root).sort()) {
    const index = join(root, dir, 'INDEX.tsv');
    if (!existsSync(index)) continue;
    const [header, ...lines] = readFileSync(index, 'utf8').split('\n').filter(Boolean);
    const cols = header!.split('\t');
    const at = (row: string[], name: string) => row[cols.indexOf(name)] ?? '';
    for (const line of lines) {
      const row = line.split('\t');
      const file = join(root, dir, `${at(row, 'name')}.html`);
      if (!existsSync(file)) continue;
      const site = at(row, 'site');
      pages.push({ id: `${dir}/${at(row, 'name')}`, file, bytes: Number(at(row, 'bytes')), site, synthetic: site.includes('synthetic') });
    }
  }
  return pages;
}

/** The HTML without anything that could run or fetch: scripts, links, frames, embeds, base. */
export function stripActive(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(link|iframe|frame|object|embed|base|meta\s+http-equiv)\b[^>]*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '');
}

/**
 * The page as the benchmark serves it: scripts stripped and a CSP that forbids every
 * fetch, so nothing can run or leave 127.0.0.1 (the extension's content script is not
 * bound by the page's CSP).
 */
export function servablePage(html: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;
  const stripped = stripActive(html);
  const head = /<head\b[^>]*>/i.exec(stripped);
  if (head) return stripped.slice(0, head.index + head[0].length) + csp + stripped.slice(head.index + head[0].length);
  return `<!doctype html><html><head>${csp}</head><body>${stripped}</body></html>`;
}

/** The page's text blocks, as the overlay reads them. */
export async function pageBlocks(html: string): Promise<string[]> {
  const window = new Window({
    url: 'http://127.0.0.1/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true, handleDisabledFileLoadingAsSuccess: true },
  });
  try {
    const doc = new window.DOMParser().parseFromString(stripActive(html), 'text/html');
    return collectBlocks(doc.body as unknown as Node).map((b) => b.text);
  } finally {
    await window.happyDOM.close();
  }
}

interface CacheEntry {
  key: string;
  blocks: string[];
}

/**
 * The text of `pages`, parsed once and cached (bench-results/ is git-ignored): a parse of
 * the whole corpus takes ~20 s on these machines, a cache hit well under one.
 */
export async function corpusBlocks(pages: readonly CorpusPage[], cacheFile: string): Promise<Map<string, string[]>> {
  let cache: Record<string, CacheEntry> = {};
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, CacheEntry>;
  } catch {
    // No cache yet.
  }
  const out = new Map<string, string[]>();
  let changed = false;
  for (const page of pages) {
    const st = statSync(page.file);
    const key = `${st.size}:${st.mtimeMs}`;
    let entry = cache[page.id];
    if (entry?.key !== key) {
      try {
        entry = { key, blocks: await pageBlocks(readFileSync(page.file, 'utf8')) };
      } catch {
        entry = { key, blocks: [] };
      }
      cache[page.id] = entry;
      changed = true;
    }
    out.set(page.id, entry.blocks);
  }
  if (changed) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
  return out;
}
