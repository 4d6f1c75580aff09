#!/usr/bin/env node
// Runs a TypeScript script of this project in Node 20, which cannot strip types itself
// (--experimental-strip-types came in Node 22.6). Vite's module runner transforms the
// file and its imports on the fly with the project's own resolver, so `lib/` code runs
// here exactly as it is bundled into the extension.
//   node scripts/run.mjs scripts/annotate.ts [args…]
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run.mjs <script.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...rest];
const { module } = await runnerImport(resolve(script), { configFile: false, logLevel: 'error' });
if (typeof module.main === 'function') {
  const code = await module.main(rest);
  if (typeof code === 'number') process.exitCode = code;
}
