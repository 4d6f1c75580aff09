import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startServer } from './harness';
import type { ExtensionHarness } from './harness';

// The no-network tests are only as good as the recorder: prove it sees what leaves.
describe('e2e harness', () => {
  let browser: ExtensionHarness;

  beforeAll(async () => {
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves HTML strings and folders on 127.0.0.1', async () => {
    const strings = await startServer({ '/a.html': '<title>A</title><p>a</p>' });
    const folder = await startServer('seeds');
    try {
      expect(strings.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(strings.url('/a.html'))).text()).toContain('<p>a</p>');
      expect((await fetch(strings.url('/missing'))).status).toBe(404);
      expect((await fetch(folder.url('/../package.json'))).status).not.toBe(200);
      const listing = await fetch(folder.url('/000_99b83473412ea5e8.txt'));
      expect(listing.headers.get('content-type')).toMatch(/^text\/plain/);
    } finally {
      await strings.close();
      await folder.close();
    }
  });

  it('collects console errors and uncaught exceptions', async () => {
    const server = await browser.serve({
      '/': '<!doctype html><title>Noisy</title><script>console.error("boom"); setTimeout(() => { throw new Error("bang"); });</script>',
    });
    const { page, errors } = await browser.open(server.url('/'));
    await expect.poll(() => errors.messages.length).toBe(2);
    expect(errors.messages[0]).toContain('boom');
    expect(errors.messages[1]).toContain('bang');
    await page.close();
  });

  it('records requests from pages, the service worker and WebSockets, not local ones', async () => {
    const server = await browser.serve({ '/': '<!doctype html><title>Leaky</title><p>leaky</p>' });
    const { page } = await browser.open(server.url('/'));
    await page.evaluate(async () => {
      await fetch('/local').catch(() => {});
      await fetch('https://leak-from-page.example/x').catch(() => {});
      const socket = new WebSocket('wss://leak-from-socket.example/');
      await new Promise((done) => socket.addEventListener('close', done));
    });
    await browser.serviceWorker.evaluate(() => fetch('https://leak-from-worker.example/y').catch(() => {}));
    await page.close();

    const seen = browser.externalRequests().map(({ via, url }) => `${via} ${url}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'page https://leak-from-page.example/x',
        'websocket wss://leak-from-socket.example/',
        'worker https://leak-from-worker.example/y',
      ]),
    );
    expect(seen.join('\n')).not.toContain('127.0.0.1');
  });
});
