/**
 * Chromium for the benchmarks: the extension (a snapshot of the build, so a rebuild by
 * someone else mid-run changes nothing), a plain browser without it (mark.js, baselines),
 * and the bench bundles of lib/ code for pages.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { build } from 'vite';
import { assertExtensionBuilt, DEFAULT_EXTENSION_DIR, findChromium, launchExtension, type ExtensionHarness } from '../../tests/e2e/harness';

export async function chromiumVersion(): Promise<string> {
  const { stdout } = await promisify(execFile)(findChromium(), ['--version']);
  return stdout.trim();
}

/** The built extension copied aside, and a browser with it loaded. */
export async function launchSnapshot(): Promise<ExtensionHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-ext-'));
  cpSync(assertExtensionBuilt(DEFAULT_EXTENSION_DIR), dir, { recursive: true });
  const harness = await launchExtension({ extensionDir: dir });
  const close = harness.close.bind(harness);
  harness.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return harness;
}

/**
 * Chromium without the extension. Everything but 127.0.0.1 goes to a proxy port where
 * nothing listens (loopback bypasses proxies), so nothing can leave the machine.
 */
export function launchPlain(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--proxy-server=http://127.0.0.1:9'],
  });
}

/** One of scripts/bench/*-entry.ts as an IIFE that defines `globalThis[name]`. */
export async function bundle(root: string, entry: string, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: { write: false, minify: false, target: 'es2022', lib: { entry: resolve(root, entry), name, formats: ['iife'], fileName: () => 'bench.js' } },
  });
  const output = Array.isArray(out) ? out[0]! : out;
  if (!('output' in output)) throw new Error('vite build returned a watcher');
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`no chunk built from ${entry}`);
  return chunk.code;
}

interface RawTargetMessage {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

type Heap = { usedSize: number; totalSize: number };

/**
 * A session on another target (the service worker) through a page's CDP session:
 * Playwright opens sessions on pages only, so the calls go through
 * Target.sendMessageToTarget.
 */
async function attachTarget(cdp: CDPSession, type: 'service_worker', urlPart: string): Promise<{ call(method: string): Promise<unknown>; detach(): Promise<void> } | undefined> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string; targetId: string }> };
  const target = targetInfos.find((t) => t.type === type && t.url.includes(urlPart));
  if (!target) return undefined;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const call = (method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (e: { sessionId: string; message: string }) => {
        if (e.sessionId !== sessionId) return;
        const msg = JSON.parse(e.message) as RawTargetMessage;
        if (msg.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (msg.error) reject(new Error(msg.error.message));
        else resolve(msg.result);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  return { call, detach: () => cdp.send('Target.detachFromTarget', { sessionId }).then(() => undefined, () => undefined) };
}

/** Runtime.getHeapUsage of another target (the service worker), after a GC. */
export async function targetHeap(cdp: CDPSession, type: 'service_worker', urlPart = ''): Promise<Heap | undefined> {
  const target = await attachTarget(cdp, type, urlPart);
  if (!target) return undefined;
  try {
    await target.call('HeapProfiler.collectGarbage');
    return (await target.call('Runtime.getHeapUsage')) as Heap;
  } finally {
    await target.detach();
  }
}

/**
 * The heap use of another target while something runs: Runtime.getHeapUsage every
 * `everyMs`, no GC (so it counts garbage not yet collected, as the process holds it).
 * stop() gives the peak, the span during which the heap stayed within 2% of it
 * (performance.now() of this process), and every sample as [time, bytes].
 */
export async function sampleTargetHeap(cdp: CDPSession, type: 'service_worker', everyMs = 100): Promise<{ stop(): Promise<{ peak: number; from: number; until: number; series: Array<[number, number]> } | undefined> }> {
  const target = await attachTarget(cdp, type, '');
  if (!target) return { stop: async () => undefined };
  const series: Array<[number, number]> = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const heap = (await target.call('Runtime.getHeapUsage').catch(() => undefined)) as Heap | undefined;
      if (heap) series.push([performance.now(), heap.usedSize]);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await target.detach();
      if (series.length === 0) return undefined;
      const peak = Math.max(...series.map(([, b]) => b));
      // The plateau: from the first to the last sample within 2% of the peak.
      const near = series.filter(([, b]) => b >= 0.98 * peak);
      return { peak, from: near[0]![0], until: near[near.length - 1]![0], series };
    },
  };
}

/** Runtime.getHeapUsage of a page's renderer (all its worlds share one V8 heap), after a GC. */
export async function pageHeap(cdp: CDPSession): Promise<{ usedSize: number; totalSize: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
}
