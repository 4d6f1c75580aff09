/**
 * npm run smoke:firefox — runs the Firefox build (.output/firefox-mv2, from `npm run build`)
 * in a headless Firefox and checks what only Firefox can show:
 *   1. a page made from a seed document gets its marks, with their styles;
 *   2. the sidebar page (sidebar_action, Firefox's side panel) runs: with the seed page as
 *      the active tab it lists the deals behind it, and its "All deals" view lists them all;
 *   3. its colours follow the theme setting (light, then dark).
 *
 * Playwright cannot drive a stock Firefox, so this speaks WebDriver BiDi (built into
 * Firefox) itself. The extension is installed into a fresh profile as a proxy file (a file
 * named after the add-on id holding the build's path; unsigned, which Firefox ESR allows
 * with xpinstall.signatures.required off), with a fixed moz-extension UUID, so that the
 * sidebar page can be opened from the command line (BiDi may not navigate to it). Only
 * 127.0.0.1 is served. Firefox from FIREFOX_PATH, else Debian's firefox-esr
 * (`apt-get install firefox-esr`). Node 20 needs --experimental-websocket (the npm script
 * passes it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { splitParagraphs } from './demo-pages';

const ROOT = resolve('.');
const EXTENSION = join(ROOT, '.output/firefox-mv2');
const ADDON_ID = 'factmark@factmark.local';
const UUID = '6f1c2a3e-0b4d-4c5e-8f70-9a1b2c3d4e5f';
const SIDEBAR = `moz-extension://${UUID}/sidepanel.html`;

function firefox(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p): p is string => !!p && existsSync(p));
}

function page(): string {
  const text = readFileSync(join(ROOT, 'seeds/000_99b83473412ea5e8.txt'), 'utf8');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><meta charset="utf-8"><title>Factmark Firefox smoke test</title><body>${splitParagraphs(text).map((p) => `<p>${escape(p)}</p>`).join('\n')}`;
}

function profileDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-firefox-'));
  mkdirSync(join(dir, 'extensions'));
  writeFileSync(join(dir, 'extensions', ADDON_ID), `${EXTENSION}\n`);
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 15,
    // No first-run pages, update checks or telemetry: nothing but 127.0.0.1.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.enabled': false,
    'extensions.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
  };
  writeFileSync(join(dir, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n');
  return dir;
}

/** A minimal WebDriver BiDi client: commands and their answers, nothing else. */
class Bidi {
  private next = 1;
  private readonly waiting = new Map<number, (m: { result?: unknown; error?: string; message?: string }) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.onmessage = (e) => {
      const m = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: string; message?: string };
      if (m.id === undefined) return; // an event: none are subscribed to
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    };
  }
  static async connect(url: string): Promise<Bidi> {
    const ws = new WebSocket(url);
    await new Promise((ok, fail) => {
      ws.onopen = ok;
      ws.onerror = () => fail(new Error(`cannot connect to ${url}`));
    });
    return new Bidi(ws);
  }
  async send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    const answer = await new Promise<{ result?: unknown; error?: string; message?: string }>((r) => {
      this.waiting.set(id, r);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
    if (answer.error) throw new Error(`${method}: ${answer.error}: ${answer.message}`);
    return answer.result as T;
  }
  /** The value of `expression` (JSON-serialisable) in a browsing context. */
  async evaluate<T>(context: string, expression: string): Promise<T> {
    const r = await this.send<{ type: string; result?: { type: string; value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', { expression: `JSON.stringify(${expression})`, target: { context }, awaitPromise: true });
    if (r.type !== 'success' || r.result?.type !== 'string') throw new Error(`evaluate failed: ${r.exceptionDetails?.text ?? JSON.stringify(r.result)}`);
    return JSON.parse(r.result.value!) as T;
  }
  close(): void {
    this.ws.close();
  }
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

/** Starts Firefox with BiDi on a port of its choosing; resolves with the WebSocket URL it prints. */
function launch(binary: string, profile: string, urls: string[]): { child: ChildProcess; endpoint: Promise<string> } {
  const child = spawn(binary, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', ...urls], { env: { ...process.env, MOZ_HEADLESS: '1' }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const endpoint = new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(`${m[1]}/session`);
    });
    child.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before BiDi was up:\n${err.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`Firefox did not start BiDi within 30 s:\n${err.slice(-2000)}`)), 30_000);
  });
  return { child, endpoint };
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
  if (typeof WebSocket === 'undefined') {
    console.error('No WebSocket in this Node: run it as `npm run smoke:firefox` (node --experimental-websocket).');
    return 2;
  }
  const html = page();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const seedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/seed.html`;
  const profile = profileDir();
  // Both open as tabs; the seed page is made the active one before the sidebar is read.
  const { child, endpoint } = launch(binary, profile, [SIDEBAR, seedUrl]);
  let bidi: Bidi | undefined;
  const failures: string[] = [];
  try {
    bidi = await Bidi.connect(await endpoint);
    await bidi.send('session.new', { capabilities: {} });
    const tree = await poll('both tabs', () => bidi!.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree'), (t) => t.contexts.some((c) => c.url === seedUrl) && t.contexts.some((c) => c.url === SIDEBAR));
    const seed = tree.contexts.find((c) => c.url === seedUrl)!.context;
    const sidebar = tree.contexts.find((c) => c.url === SIDEBAR)!.context;

    // 1. Marks on the seed page.
    const marks = await poll(
      'marks on the seed page',
      () => bidi!.evaluate<{ marks: number; entities: number; styled: boolean }>(seed, `(() => { const m = [...document.querySelectorAll('mark[data-factmark-entity]')]; return { marks: m.length, entities: new Set(m.map((x) => x.dataset.factmarkEntity)).size, styled: m.length > 0 && getComputedStyle(m[0]).boxShadow !== 'none' }; })()`),
      (v) => v.marks > 0,
    ).catch((e: unknown) => (failures.push(String(e)), { marks: 0, entities: 0, styled: false }));
    console.log(`Firefox (${binary}): ${marks.marks} marks of ${marks.entities} entities on a seed page; mark styles applied: ${marks.styled}`);
    if (marks.marks > 0 && !marks.styled) failures.push('the marks have no style');

    // 2. The sidebar: the deals behind the active tab (the seed page), then all deals.
    await bidi.send('browsingContext.activate', { context: seed });
    const related = await poll(
      "the sidebar's deals for the seed page",
      () => bidi!.evaluate<{ summary: string; deals: string[] }>(sidebar, `({ summary: document.querySelector('#view-panel-related .summary-line')?.textContent ?? document.body.innerText.slice(0, 200), deals: [...document.querySelectorAll('#view-panel-related .deal-title')].map((d) => d.textContent) })`),
      (v) => v.deals.length > 0,
    ).catch((e: unknown) => (failures.push(String(e)), { summary: '', deals: [] as string[] }));
    console.log(`Firefox sidebar, this page: ${related.summary} (${related.deals.length} deals: ${related.deals.slice(0, 3).join('; ')}${related.deals.length > 3 ? '; …' : ''})`);
    const all = await poll(
      "the sidebar's All deals view",
      () => bidi!.evaluate<{ count: string; deals: number }>(sidebar, `(() => { const tab = document.querySelector('[role=tab][aria-controls=view-panel-all]'); if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click(); const panel = document.querySelector('#view-panel-all'); return { count: panel?.querySelector('.summary-line')?.textContent ?? '', deals: panel ? panel.querySelectorAll('.deal-title').length : 0 }; })()`),
      (v) => v.deals > related.deals.length,
    ).catch((e: unknown) => (failures.push(String(e)), { count: '', deals: 0 }));
    console.log(`Firefox sidebar, all deals: ${all.deals} listed${all.count ? ` (${all.count.trim()})` : ''}`);

    // 3. The theme: the sidebar's colours follow the dark setting (light-dark(), lowered by the build's CSS minifier).
    const background = () => bidi!.evaluate<string>(sidebar, `getComputedStyle(document.body).backgroundColor`);
    const light = await background();
    await bidi.evaluate(sidebar, `browser.runtime.sendMessage({ type: 'updateSettings', patch: { theme: 'dark' } }).then(() => true)`);
    const dark = await poll('the dark theme in the sidebar', background, (v) => v !== light).catch((e: unknown) => (failures.push(String(e)), light));
    console.log(`Firefox sidebar, theme: light ${light}, dark ${dark}`);
    if (light !== 'rgb(255, 255, 255)' || dark !== 'rgb(22, 25, 31)') failures.push(`the sidebar's colours are not the palette's (light ${light}, dark ${dark})`);
  } catch (error) {
    failures.push(String(error));
  } finally {
    bidi?.close();
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  for (const f of failures) console.error(`FAILED: ${f}`);
  return failures.length === 0 ? 0 : 1;
}
