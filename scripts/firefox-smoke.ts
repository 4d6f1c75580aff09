/**
 * npm run smoke:firefox — loads the Firefox build (.output/firefox-mv2, from `npm run build`)
 * into a headless Firefox with web-ext and checks that it marks a page made from a seed
 * document. Playwright cannot drive a stock Firefox, so the page reports what it sees to
 * the local server that served it (127.0.0.1 only). Firefox from FIREFOX_PATH, else
 * Debian's firefox-esr (`apt-get install firefox-esr`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { splitParagraphs } from './demo-pages';

const ROOT = resolve('.');
const EXTENSION = join(ROOT, '.output/firefox-mv2');

function firefox(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p): p is string => !!p && existsSync(p));
}

function page(): string {
  const text = readFileSync(join(ROOT, 'seeds/000_99b83473412ea5e8.txt'), 'utf8');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = splitParagraphs(text).map((p) => `<p>${escape(p)}</p>`).join('\n');
  // The page reports the marks it sees (or none after 15 s) back to this server.
  return `<!doctype html><meta charset="utf-8"><title>Factmark Firefox smoke test</title><body>${body}<script>
let tries = 0;
const timer = setInterval(() => {
  const marks = document.querySelectorAll('mark[data-factmark-entity]');
  if (marks.length > 0 || ++tries > 60) {
    clearInterval(timer);
    const styled = marks.length > 0 && getComputedStyle(marks[0]).boxShadow !== 'none';
    fetch('/report?marks=' + marks.length + '&styled=' + styled + '&entities=' + new Set([...marks].map((m) => m.dataset.factmarkEntity)).size);
  }
}, 250);
</script>`;
}

export async function main(): Promise<number> {
  const binary = firefox();
  if (!binary) {
    console.error('No Firefox found: set FIREFOX_PATH or apt-get install firefox-esr.');
    return 2;
  }
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    console.error(`No Firefox build at ${EXTENSION}: run npm run build first.`);
    return 2;
  }
  let report: URLSearchParams | undefined;
  let done: () => void = () => {};
  const reported = new Promise<void>((r) => (done = r));
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/report')) {
      report = new URL(req.url, 'http://127.0.0.1').searchParams;
      res.end('ok');
      done();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const webExt = spawn(join(ROOT, 'node_modules/.bin/web-ext'), ['run', '--source-dir', EXTENSION, '--firefox', binary, '--start-url', url, '--no-reload', '--no-input', '--arg=--headless'], {
    env: { ...process.env, MOZ_HEADLESS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const timeout = new Promise<void>((r) => setTimeout(r, 90_000));
  await Promise.race([reported, timeout]);
  try {
    process.kill(-webExt.pid!, 'SIGTERM');
  } catch {
    // Already gone.
  }
  server.close();
  if (!report) {
    console.error('Firefox did not report within 90 s.');
    return 1;
  }
  const marks = Number(report.get('marks'));
  console.log(`Firefox (${binary}): ${marks} marks of ${report.get('entities')} entities on a seed page; mark styles applied: ${report.get('styled')}`);
  return marks > 0 && report.get('styled') === 'true' ? 0 : 1;
}
