/**
 * npm run annotate -- <files…>     one JSON line per mention: {"file","start","end","surface","entityId","name","type"}
 * npm run annotate -- --entities   one JSON line per entity:  {"entityId","name","type","aliases"}
 * Options: --why (also print rejected candidates with the rule that rejected them, to stderr).
 *
 * Runs the overlay's own matcher and context rules (lib/match) without a browser. Offsets
 * are JavaScript string indexes into a .txt file's text; for .html, into the page's
 * visible text (its blocks, as the content script reads them, joined by "\n").
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildDictionary } from '../lib/match/dictionary';
import { findMentions, findMentionsInText, type BlockText, type Rejection } from '../lib/match/find-mentions';
import { DEFAULT_MARK_TYPES, dictionaryEntities } from '../lib/match/from-pack';
import { collectBlocks } from '../lib/overlay/text-blocks';
import type { FactPack } from '../lib/pack/types';

const PACK = resolve('lib/pack/generated/pack.json');

async function loadPack(): Promise<FactPack> {
  if (!existsSync(PACK)) {
    const compile = await import('./compile-seeds');
    const code = await compile.main([]);
    if (code !== 0) throw new Error('the seeds did not compile (npm run seeds)');
  }
  return JSON.parse(readFileSync(PACK, 'utf8')) as FactPack;
}

/**
 * The page's visible text blocks, read as the content script reads them. linkedom only
 * parses (no scripts, no resource loading), which is what a saved page needs here.
 */
function htmlBlocks(html: string): BlockText[] {
  const { document } = parseHTML(html);
  const root = (document.body ?? document.documentElement) as unknown as Node;
  return collectBlocks(root).map((b) => ({ text: b.text, heading: b.heading }));
}

export async function main(args: string[]): Promise<number> {
  const pack = await loadPack();
  if (args.includes('--entities')) {
    for (const e of pack.entities) console.log(JSON.stringify({ entityId: e.id, name: e.name, type: e.type, aliases: e.aliases.map((a) => a.text) }));
    return 0;
  }
  const why = args.includes('--why');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    console.error('usage: npm run annotate -- [--why] <file.txt|file.html>… | --entities');
    return 2;
  }
  const dict = buildDictionary(dictionaryEntities(pack, DEFAULT_MARK_TYPES));
  const out: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`annotate: cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const rejected: Rejection[] = [];
    let mentions;
    if (/\.html?$/i.test(file)) {
      const blocks = htmlBlocks(text);
      const offsets: number[] = [];
      let at = 0;
      for (const b of blocks) {
        offsets.push(at);
        at += b.text.length + 1;
      }
      mentions = findMentions(dict, blocks, rejected).map((m) => ({ ...m, start: m.start + offsets[m.block]!, end: m.end + offsets[m.block]! }));
    } else {
      mentions = findMentionsInText(dict, text, rejected);
    }
    for (const m of mentions) out.push(JSON.stringify({ file, start: m.start, end: m.end, surface: m.surface, entityId: m.entityId, name: m.name, type: m.type }));
    if (why) for (const r of rejected) console.error(`${file}:${r.start}-${r.end} ${JSON.stringify(r.surface)} rejected: ${r.reason}`);
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  return 0;
}
