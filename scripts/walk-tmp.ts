import { readFileSync } from 'node:fs';
import { startServer } from '../tests/e2e/harness';
import { launchPlain } from './bench/browser';
import { servablePage } from './bench/corpus';
export async function main(args: string[]) {
  const html = servablePage(readFileSync(args[0]!, 'utf8'));
  const server = await startServer({ '/p.html': { body: html, type: 'text/html' } } as never);
  const browser = await launchPlain();
  const page = await browser.newPage();
  await page.goto(server.url('/p.html'));
  const r = await page.evaluate(() => {
    const t0 = performance.now();
    let els = 0, texts = 0, chars = 0, attrs = 0;
    let n: Node | null = document.body;
    const stack: Node[] = [];
    // simple walk
    const walk = (root: Node) => { let node: Node | null = root.firstChild; const st: Node[] = []; while (node) { if (node.nodeType === 1) { els++; if ((node as Element).hasAttributes()) attrs++; (node as Element).tagName; if (node.firstChild) { st.push(node); node = node.firstChild; continue; } } else if (node.nodeType === 3) { texts++; chars += (node as Text).data.length; } while (node && !node.nextSibling) { node = st.pop() ?? null; } node = node ? node.nextSibling : null; } };
    walk(document.body);
    const t1 = performance.now();
    walk(document.body);
    const t2 = performance.now();
    return { els, texts, chars, attrs, first: t1 - t0, second: t2 - t1 };
  });
  console.log(r);
  await browser.close(); await server.close();
}
