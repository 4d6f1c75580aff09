/**
 * Demo pages: one plain news-like page per seed document, plus an index, so the
 * extension can be shown (and tested) on the very texts the fact pack cites.
 *
 *   node scripts/run.mjs scripts/demo-pages.ts [outDir]   → demo-output/pages/
 *
 * The article body is the document's text unchanged: every non-empty line becomes one
 * paragraph, in order, so every quote in the pack can be found on its page. The line
 * that is the title becomes the h1 in place. Everything else (masthead, meta line,
 * aside) sits outside `.document`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SEEDS_DIR = join(ROOT, 'seeds');
export const DEMO_PAGES_DIR = join(ROOT, 'demo-output', 'pages');

/** What a page needs from seeds/sources.json (written by the seeds engineer). */
export interface DemoSource {
  id: string;
  file: string;
  title: string;
  outlet?: string;
  dateline?: string;
  /** "January 20, 2025" as the text writes it, preferred over `date`. */
  dateText?: string;
  date?: string | { year?: number; month?: number; day?: number };
}

export interface DemoDocument extends DemoSource {
  text: string;
}

export interface DemoPage {
  id: string;
  title: string;
  /** File name under the output folder, also its URL path ("000_….html"). */
  href: string;
  path: string;
  /** The paragraphs of the document, exactly as on the page. */
  paragraphs: string[];
}

/** Every non-empty line of the text, unchanged. */
export function splitParagraphs(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/** A crawler's "date 2025-01-20 …" line heads some texts; it is no headline. */
const CRAWL_DATE_LINE = /^\s*date \d{4}-\d{2}-\d{2}\b/;

function fallbackSource(file: string, text: string): DemoSource {
  const title = splitParagraphs(text).find((line) => !CRAWL_DATE_LINE.test(line));
  return { id: basename(file, '.txt'), file, title: title?.trim() ?? file };
}

function sourcesFrom(json: unknown): DemoSource[] {
  const list = Array.isArray(json) ? json : (json as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(list)) throw new Error('seeds/sources.json: expected an array of sources (or { sources: [...] })');
  return list.map((entry, i) => {
    const s = entry as Partial<DemoSource>;
    if (typeof s.id !== 'string' || typeof s.file !== 'string' || typeof s.title !== 'string') {
      throw new Error(`seeds/sources.json[${i}]: id, file and title must be strings`);
    }
    return s as DemoSource;
  });
}

/**
 * The seed documents with their metadata: from seeds/sources.json when it exists,
 * else every seeds/*.txt titled by its first line.
 */
export async function readSeedDocuments(seedsDir: string = SEEDS_DIR): Promise<DemoDocument[]> {
  const sourcesFile = join(seedsDir, 'sources.json');
  const sources = existsSync(sourcesFile)
    ? sourcesFrom(JSON.parse(await readFile(sourcesFile, 'utf8')))
    : await Promise.all(
        (await readdir(seedsDir))
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map(async (f) => fallbackSource(f, await readFile(join(seedsDir, f), 'utf8'))),
      );
  return Promise.all(sources.map(async (s) => ({ ...s, text: await readFile(join(seedsDir, s.file), 'utf8') })));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(source: DemoSource): string | undefined {
  if (source.dateText) return source.dateText;
  const { date } = source;
  if (typeof date === 'string' || date === undefined) return date;
  const month = date.month ? MONTHS[date.month - 1] : undefined;
  return [date.day, month, date.year].filter((part) => part !== undefined).join(' ') || undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const pageFileName = (id: string) => `${encodeURIComponent(id)}.html`;

const STYLE = `
  :root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --rule: #d9d9de; --accent: #8a1c1c; }
  * { box-sizing: border-box; }
  body { margin: 0; color: var(--ink); background: #fbfaf7; font: 18px/1.6 Georgia, "DejaVu Serif", serif; }
  .masthead { border-bottom: 3px double var(--ink); background: #fff; }
  .masthead > div { max-width: 68rem; margin: 0 auto; padding: 0.75rem 1.25rem; display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; }
  .masthead a { color: var(--ink); text-decoration: none; font: 700 1.6rem/1.2 Georgia, serif; letter-spacing: 0.02em; }
  .masthead small { font: 0.8rem/1.4 system-ui, sans-serif; color: var(--muted); }
  .layout { max-width: 68rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; display: grid; grid-template-columns: minmax(0, 40rem) minmax(0, 18rem); gap: 3rem; }
  @media (max-width: 56rem) { .layout { grid-template-columns: 1fr; } }
  .meta { margin: 0 0 0.5rem; font: 600 0.8rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.06em; color: var(--accent); }
  h1 { margin: 0 0 1rem; font-size: 2.1rem; line-height: 1.2; }
  .document p { margin: 0 0 1rem; }
  aside { font: 0.95rem/1.5 system-ui, sans-serif; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 1rem; }
  aside h2 { margin: 0 0 0.5rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--ink); }
  aside section + section { margin-top: 1.5rem; }
  aside ul { margin: 0; padding-left: 1.1rem; }
  a { color: #1f4e8c; }
  a:focus-visible { outline: 3px solid #1f4e8c; outline-offset: 2px; }
  .index li { margin-bottom: 1rem; }
  .index .meta { margin: 0.2rem 0 0; }
`;

function layout(title: string, main: string, aside: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header class="masthead"><div><a href="index.html">The Factmark Demo Gazette</a><small>Demo pages built from the seed documents</small></div></header>
<div class="layout">
<main>
${main}
</main>
<aside>
${aside}
</aside>
</div>
</body>
</html>
`;
}

function metaLine(source: DemoSource): string {
  return [source.outlet, source.dateline, formatDate(source)].filter(Boolean).map((s) => escapeHtml(String(s))).join(' · ');
}

function moreStories(others: readonly DemoSource[]): string {
  if (others.length === 0) return '';
  const items = others.map((o) => `<li><a href="${pageFileName(o.id)}">${escapeHtml(o.title)}</a></li>`).join('\n');
  return `<section><h2>More stories</h2><ul>\n${items}\n</ul></section>`;
}

/** One article page. `others` are listed in the aside. */
export function renderArticlePage(doc: DemoDocument, others: readonly DemoSource[] = []): string {
  const paragraphs = splitParagraphs(doc.text);
  const titleAt = paragraphs.findIndex((line) => line.trim() === doc.title.trim());
  const body = paragraphs
    .map((line, i) => (i === titleAt ? `<h1>${escapeHtml(line)}</h1>` : `<p>${escapeHtml(line)}</p>`))
    .join('\n');
  const meta = metaLine(doc);
  const main = `<article>
${titleAt === -1 ? `<h1>${escapeHtml(doc.title)}</h1>\n` : ''}${meta ? `<p class="meta">${meta}</p>\n` : ''}<div class="document" data-source-id="${escapeHtml(doc.id)}">
${body}
</div>
</article>`;
  const aside = `<section><h2>About this page</h2><p>The story text is the seed document <code>${escapeHtml(doc.file)}</code>, unchanged. With Factmark installed, the people and organisations it knows are marked.</p></section>
${moreStories(others)}`;
  return layout(doc.title, main, aside);
}

export function renderIndexPage(docs: readonly DemoSource[]): string {
  const items = docs
    .map((d) => {
      const meta = metaLine(d);
      return `<li><a href="${pageFileName(d.id)}">${escapeHtml(d.title)}</a>${meta ? `<p class="meta">${meta}</p>` : ''}</li>`;
    })
    .join('\n');
  const main = `<h1>Latest stories</h1>\n<ul class="index">\n${items}\n</ul>`;
  const aside = `<section><h2>About</h2><p>These pages are served from this computer only. Open one to see Factmark mark the people and organisations in its fact pack.</p></section>`;
  return layout('The Factmark Demo Gazette', main, aside);
}

/** Writes index.html and one page per seed document; returns the article pages. */
export async function buildDemoPages(
  options: { seedsDir?: string; outDir?: string } = {},
): Promise<{ outDir: string; index: string; pages: DemoPage[] }> {
  const outDir = resolve(options.outDir ?? DEMO_PAGES_DIR);
  const docs = await readSeedDocuments(options.seedsDir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const index = join(outDir, 'index.html');
  await writeFile(index, renderIndexPage(docs));
  const pages = await Promise.all(
    docs.map(async (doc) => {
      const href = pageFileName(doc.id);
      const path = join(outDir, href);
      await writeFile(path, renderArticlePage(doc, docs.filter((d) => d !== doc)));
      return { id: doc.id, title: doc.title, href, path, paragraphs: splitParagraphs(doc.text) };
    }),
  );
  return { outDir, index, pages };
}

export async function main(args: string[]): Promise<number> {
  const { outDir, pages } = await buildDemoPages({ outDir: args[0] });
  console.log(`Wrote ${pages.length + 1} pages to ${relative(process.cwd(), outDir) || '.'}/`);
  for (const page of pages) console.log(`  ${page.href}  ${page.title}`);
  return 0;
}
