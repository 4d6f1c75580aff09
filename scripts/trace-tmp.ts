import { readFileSync } from 'node:fs';
import { startServer } from '../tests/e2e/harness';
import { launchSnapshot } from './bench/browser';
import { servablePage } from './bench/corpus';
import { Tracer, mainThreadOf, tasksOf, contentScriptStart, markTime } from './bench/trace';
export async function main(args: string[]) {
  const html = servablePage(readFileSync(args[0]!, 'utf8'));
  const server = await startServer({ '/p.html': { body: html, type: 'text/html' } } as never);
  const ext = await launchSnapshot();
  try {
    for (let run = 0; run < 4; run++) {
      const { page } = await ext.newPage();
      const tracer = await Tracer.start(page);
      const url = server.url('/p.html');
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('factmark:scan-end').length > 0, undefined, { timeout: 20000 });
      await page.waitForTimeout(100);
      const events = await tracer.stop();
      const thread = mainThreadOf(events, url)!;
      const start = contentScriptStart(events, thread, ext.extensionId)!;
      const end = markTime(events, 'factmark:scan-end', thread.pid)!;
      const tasks = tasksOf(events, thread, ext.extensionId).filter((t) => t.ours && t.start + t.dur * 1000 >= start && t.start <= end);
      console.log(`run ${run}: ours ${tasks.map((t) => t.dur.toFixed(1)).join(', ')}`);
      if (run === 3) {
        const big = [...tasks].sort((a, b) => b.dur - a.dur)[0]!;
        const inside = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ts >= big.start && e.ts <= big.start + big.dur * 1000 && e.ph === 'X' && (e.dur ?? 0) > 200);
        for (const e of inside.sort((a, b) => a.ts - b.ts)) console.log(((e.ts - big.start) / 1000).toFixed(2), ((e.dur ?? 0) / 1000).toFixed(2), e.name, JSON.stringify(e.args?.data ?? {}).slice(0, 120));
      }
      await page.close();
    }
  } finally { await ext.close(); await server.close(); }
}
