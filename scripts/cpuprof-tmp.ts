import { readFileSync, writeFileSync } from 'node:fs';
import { startServer } from '../tests/e2e/harness';
import { launchSnapshot } from './bench/browser';
import { servablePage } from './bench/corpus';
export async function main(args: string[]) {
  const file = args[0]!;
  const html = servablePage(readFileSync(file, 'utf8'));
  const server = await startServer({ '/p.html': { body: html, type: 'text/html' } } as never);
  const ext = await launchSnapshot();
  try {
    for (let run = 0; run < 3; run++) {
      const { page } = await ext.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.goto(server.url('/p.html'), { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('factmark:scan-end').length > 0, undefined, { timeout: 20000 });
      await page.waitForTimeout(200);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: any };
      if (run < 2) { await page.close(); continue; }
      writeFileSync('/tmp/prof/page.cpuprofile', JSON.stringify(profile));
      const self = new Map<string, number>();
      const dt = profile.timeDeltas as number[];
      const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
      profile.samples.forEach((id: number, i: number) => {
        const n = byId.get(id); const cf = n.callFrame;
        if (!cf.url.includes('chrome-extension')) return;
        const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
      });
      const total = [...self.values()].reduce((a, b) => a + b, 0);
      console.log('extension self ms', total.toFixed(1));
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(2).padStart(7), k);
    }
  } finally { await ext.close(); await server.close(); }
}
