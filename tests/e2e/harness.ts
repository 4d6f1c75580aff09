/**
 * Real-browser harness: Debian's Chromium (driven by playwright-core, which never
 * downloads browsers) with the built extension from .output/chrome-mv3 loaded.
 *
 * Used by the e2e suites and by `npm run demo`. Everything is local: test pages come
 * from a Node http server on 127.0.0.1, and every request that tries to leave the
 * machine is recorded (and refused) so a test can assert there were none.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Request, Worker } from 'playwright-core';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEFAULT_EXTENSION_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');

/** The real binary first: /usr/bin/chromium is a wrapper that adds stray flags. */
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.CHROMIUM_PATH?.trim();
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is set to ${override}, which does not exist.`);
    return override;
  }
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at ${CHROMIUM_CANDIDATES.join(', ')}). ` +
      'Install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chrome/Chromium binary.',
  );
}

export function assertExtensionBuilt(extensionDir: string = DEFAULT_EXTENSION_DIR): string {
  const dir = resolve(extensionDir);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`The extension is not built: ${join(dir, 'manifest.json')} is missing. Run \`npx wxt build\` (or \`npm run build\`) first.`);
  }
  return dir;
}

// ---------------------------------------------------------------------------
// Local http server

export interface Route {
  body: string | Buffer;
  /** Content-Type; defaults to text/html. */
  type?: string;
  status?: number;
  /** Extra response headers (e.g. a Content-Security-Policy that keeps a saved page's scripts off). */
  headers?: Record<string, string>;
}
/** Path ("/article.html") → HTML string or a full route. */
export type Routes = Record<string, string | Route>;

export interface LocalServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  origin: string;
  port: number;
  url(path?: string): string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

// Chromium asks every site for /favicon.ico and logs a 404 as a console error, which
// would fail the "no console errors" checks: answer it with an empty 204 instead.
function notFound(res: ServerResponse, path: string): void {
  if (path === '/favicon.ico') {
    res.writeHead(204);
    res.end();
  } else send(res, 404, 'text/plain', 'not found');
}

function routeHandler(routes: Routes) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    if (route === undefined) return notFound(res, path);
    const { body, type = CONTENT_TYPES['.html']!, status = 200, headers } = typeof route === 'string' ? { body: route } : route;
    send(res, status, type, body, headers);
  };
}

function folderHandler(root: string) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'text/plain', 'forbidden');
    try {
      if (!(await stat(file)).isFile()) return notFound(res, path);
      send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      notFound(res, path);
    }
  };
}

/** Serves HTML strings (`{ '/a.html': '<p>…' }`) or a folder on 127.0.0.1, on a free port. */
export async function startServer(source: Routes | string): Promise<LocalServer> {
  const handler = typeof source === 'string' ? folderHandler(resolve(source)) : routeHandler(source);
  const server = createServer((req, res) => void handler(req, res));
  const port = await listen(server);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path = '/') => origin + (path.startsWith('/') ? path : `/${path}`),
    close: () => closeServer(server),
  };
}

function listen(server: Server): Promise<number> {
  // The browser resets connections it no longer needs (closing a tab, refused CONNECTs):
  // an 'error' on a socket with no listener would crash the test run (ECONNRESET).
  server.on('connection', (socket: Socket) => socket.on('error', () => undefined));
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  // Keep-alive sockets from the browser would otherwise hold close() open.
  server.closeAllConnections();
  return new Promise((ok) => server.close(() => ok()));
}

// ---------------------------------------------------------------------------
// Request recorder: anything not local is a leak.

export interface ExternalRequest {
  url: string;
  /** `page`/`worker`/`websocket`: seen by Playwright; `proxy`: reached the browser's proxy (any other source). */
  via: 'page' | 'worker' | 'websocket' | 'proxy';
  method: string;
  /** The page or worker URL that made it, where known. */
  from?: string;
}

export function isLocalUrl(url: string): boolean {
  if (/^(chrome-extension|data|blob|about|chrome|devtools):/.test(url)) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/**
 * A proxy that records and refuses every request. Chromium sends everything that is
 * not loopback through it (loopback bypasses a configured proxy by default), so it
 * also catches requests Playwright does not see, e.g. from Chromium itself.
 */
async function startRecordingProxy(record: (r: ExternalRequest) => void): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    record({ url: req.url ?? '', via: 'proxy', method: req.method ?? 'GET' });
    send(res, 403, 'text/plain', 'Factmark e2e: network access is not allowed');
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    record({ url: `https://${req.url ?? ''}/`, via: 'proxy', method: 'CONNECT' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  const port = await listen(server);
  return { port, close: () => closeServer(server) };
}

/**
 * Chromium's own start-up traffic, which happens with no extension loaded at all
 * (Debian Chromium 156): Gaia's /ListAccounts, despite Playwright's
 * SkipListAccountsWithoutGaiaCookies (https://issues.chromium.org/565837024), and an
 * on-demand component update check that --disable-component-update does not stop.
 * The proxy refuses these like everything else; they are reported apart so that
 * externalRequests() speaks only about what pages and the extension did.
 */
// content-autofill: Chromium asks its autofill server about forms on a page; clients2:
// its network-time service. The flags below turn both off; the hosts stay listed in case
// a Chromium build ignores a flag.
const CHROMIUM_OWN_HOSTS = new Set(['accounts.google.com', 'update.googleapis.com', 'content-autofill.googleapis.com', 'clients2.google.com']);

function isChromiumOwn(request: ExternalRequest): boolean {
  if (request.via !== 'proxy') return false;
  try {
    return CHROMIUM_OWN_HOSTS.has(new URL(request.url).hostname);
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Drops proxy entries for hosts Playwright already attributed to a page or worker. */
function withoutProxyEchoes(requests: ExternalRequest[]): ExternalRequest[] {
  const attributed = new Set(requests.filter((r) => r.via !== 'proxy').map((r) => hostOf(r.url)));
  return requests.filter((r) => r.via !== 'proxy' || !attributed.has(hostOf(r.url)));
}

function fromPlaywright(request: Request): ExternalRequest {
  const worker = request.serviceWorker();
  const frame = worker ? undefined : request.frame();
  return {
    url: request.url(),
    via: worker ? 'worker' : 'page',
    method: request.method(),
    from: worker?.url() ?? frame?.url(),
  };
}

// ---------------------------------------------------------------------------
// The extension in a browser

export interface LaunchOptions {
  /** Default true. */
  headless?: boolean;
  /** Default .output/chrome-mv3. */
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  /**
   * The caller handles Ctrl-C/SIGTERM and calls close(). By default Playwright's own
   * handlers kill the browser and exit at once, leaving the temporary profile behind.
   */
  handleSignals?: boolean;
}

export interface PageErrors {
  /** console.error messages and uncaught exceptions, in order. */
  readonly messages: string[];
}

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** A new tab, with console errors and uncaught exceptions collected from the start. */
  newPage(): Promise<{ page: Page; errors: PageErrors }>;
  /** Opens a URL (or an extension page such as "popup.html") and waits for `load`. */
  open(urlOrExtensionPath: string): Promise<{ page: Page; errors: PageErrors }>;
  /** Serves routes or a folder on 127.0.0.1; closed by close(). */
  serve(source: Routes | string): Promise<LocalServer>;
  /**
   * Every request so far that was not to 127.0.0.1 or an extension/internal URL:
   * from pages, content scripts, extension pages and the service worker (seen by
   * Playwright), plus anything else that reached the recording proxy.
   */
  externalRequests(): ExternalRequest[];
  /** Chromium's own start-up requests (see CHROMIUM_OWN_HOSTS); refused, reported apart. */
  chromiumOwnRequests(): ExternalRequest[];
  close(): Promise<void>;
}

export function collectErrors(page: Page): PageErrors {
  const messages: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') messages.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`));
  return { messages };
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extensionDir = assertExtensionBuilt(options.extensionDir);
  const executablePath = findChromium();
  const external: ExternalRequest[] = [];
  const record = (r: ExternalRequest) => void external.push(r);
  const proxy = await startRecordingProxy(record);
  const profile = await mkdtemp(join(tmpdir(), 'factmark-e2e-'));
  const servers: LocalServer[] = [];

  const cleanup = async () => {
    await Promise.allSettled(servers.map((s) => s.close()));
    await proxy.close();
    await rm(profile, { recursive: true, force: true });
  };

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: options.headless ?? true,
      handleSIGINT: !options.handleSignals,
      handleSIGTERM: !options.handleSignals,
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        // Without these Chromium keeps trying to reach the internet.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-features=AutofillServerCommunication,NetworkTimeServiceQuerying',
        '--disable-quic',
        `--proxy-server=http://127.0.0.1:${proxy.port}`,
      ],
    });
  } catch (error) {
    await cleanup();
    throw error;
  }

  context.on('request', (request) => {
    if (!isLocalUrl(request.url())) record(fromPlaywright(request));
  });
  // WebSockets are not `request` events.
  const watchSockets = (page: Page) =>
    page.on('websocket', (socket) => {
      if (!isLocalUrl(socket.url())) record({ url: socket.url(), via: 'websocket', method: 'GET', from: page.url() });
    });
  context.pages().forEach(watchSockets);
  context.on('page', watchSockets);

  let serviceWorker: Worker;
  try {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  } catch (error) {
    await context.close().catch(() => {});
    await cleanup();
    throw new Error(`The extension's service worker did not start: ${(error as Error).message}`);
  }
  const extensionId = new URL(serviceWorker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

  const newPage = async () => {
    const page = await context.newPage();
    return { page, errors: collectErrors(page) };
  };

  let closed = false;
  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl,
    newPage,
    async open(target) {
      const opened = await newPage();
      await opened.page.goto(/^[a-z-]+:/.test(target) ? target : extensionUrl(target), { waitUntil: 'load' });
      return opened;
    },
    async serve(source) {
      const server = await startServer(source);
      servers.push(server);
      return server;
    },
    externalRequests: () => withoutProxyEchoes(external.filter((r) => !isChromiumOwn(r))),
    chromiumOwnRequests: () => external.filter(isChromiumOwn),
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      await cleanup();
    },
  };
}

/**
 * Where a test saves a screenshot: docs/screenshots (the README's pictures) when
 * FACTMARK_UPDATE_SCREENSHOTS=1, else demo-output/test-screenshots (git-ignored), so an
 * ordinary test run leaves the checkout as it was.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.FACTMARK_UPDATE_SCREENSHOTS === '1' ? join(PROJECT_ROOT, 'docs', 'screenshots') : join(PROJECT_ROOT, 'demo-output', 'test-screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
