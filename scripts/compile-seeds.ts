/**
 * Builds the bundled fact pack from `seeds/`: the curated tables (pack.json,
 * sources.json, entities.json, roles.json, facts.json, deals.json) plus the source
 * documents, whose text is read byte for byte from the .txt files. The pack is
 * validated with the same code the extension runs on import, then written with its
 * hash to lib/pack/generated/pack.json (gitignored: always rebuilt from seeds).
 *
 *   npm run seeds [-- --seeds DIR --out FILE]
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type FactPack } from '../lib/pack/types';
import { errorTable, formatPackError, packFileText, packHash, validatePack, type PackError, type PackTable } from '../lib/pack/validate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TABLE_FILES: Record<PackTable | 'pack', string> = {
  pack: 'pack.json',
  sources: 'sources.json',
  entities: 'entities.json',
  roles: 'roles.json',
  facts: 'facts.json',
  deals: 'deals.json',
};
/** What pack.json may say; the tables come from their own files and the hash is computed. */
const META_KEYS = new Set(['format', 'formatVersion', 'id', 'name', 'version']);

export interface Io {
  log(line: string): void;
  error(line: string): void;
}

interface Options {
  seeds: string;
  out: string;
}

type Problem = { file: string; message: string };

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { seeds: join(ROOT, 'seeds'), out: join(ROOT, 'lib/pack/generated/pack.json') };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = args[i + 1];
    if ((flag !== '--seeds' && flag !== '--out') || value === undefined) return `usage: compile-seeds [--seeds DIR] [--out FILE] (got "${args.join(' ')}")`;
    options[flag === '--seeds' ? 'seeds' : 'out'] = resolve(value);
    i += 1;
  }
  return options;
}

/** "seeds/entities.json" from the project root; the full path for a folder elsewhere. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || resolve(rel) !== path ? path : rel.split(sep).join('/');
}

async function readJson(path: string, problems: Problem[]): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    problems.push({ file: path, message: `cannot read: ${(error as Error).message}` });
    return undefined;
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    problems.push({ file: path, message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/** UTF-8 decoded strictly, BOM kept: the text in the pack is the file, byte for byte. */
async function readText(path: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await readFile(path));
}

/** Puts each source's text in from its file; sources.json must not carry the text itself. */
async function withTexts(sources: unknown, seeds: string, problems: Problem[]): Promise<unknown> {
  const file = join(seeds, TABLE_FILES.sources);
  if (!Array.isArray(sources)) return sources;
  const listed = new Set<string>();
  const out = await Promise.all(
    sources.map(async (source: unknown, i) => {
      if (typeof source !== 'object' || source === null || Array.isArray(source)) return source;
      const record = source as Record<string, unknown>;
      const at = `sources[${i}]${typeof record.id === 'string' ? ` (${record.id})` : ''}`;
      if ('text' in record) problems.push({ file, message: `${at}: text must not be in sources.json: the compiler reads it from the file` });
      if (typeof record.file !== 'string' || record.file.includes('/') || record.file.includes('\\') || record.file.startsWith('.')) {
        problems.push({ file, message: `${at}: file must name a .txt file in the seeds folder (got ${JSON.stringify(record.file)})` });
        return source;
      }
      listed.add(record.file);
      try {
        return { ...record, text: await readText(join(seeds, record.file)) };
      } catch (error) {
        problems.push({ file, message: `${at}: cannot read ${record.file}: ${(error as Error).message}` });
        return source;
      }
    }),
  );
  for (const name of (await readdir(seeds)).filter((n) => n.endsWith('.txt')).sort()) {
    if (!listed.has(name)) problems.push({ file: join(seeds, name), message: 'no source in sources.json refers to this document' });
  }
  return out;
}

async function assemble(seeds: string, problems: Problem[]): Promise<Record<string, unknown>> {
  const metaFile = join(seeds, TABLE_FILES.pack);
  const meta = await readJson(metaFile, problems);
  const pack: Record<string, unknown> = { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION };
  if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) {
    for (const [key, value] of Object.entries(meta)) {
      if (META_KEYS.has(key)) pack[key] = value;
      else problems.push({ file: metaFile, message: `pack: "${key}" does not belong in pack.json (allowed: ${[...META_KEYS].join(', ')})` });
    }
  } else if (meta !== undefined) {
    problems.push({ file: metaFile, message: 'pack: must be a JSON object' });
  }
  const tables = ['sources', 'entities', 'roles', 'facts', 'deals'] as const;
  const values = await Promise.all(tables.map((t) => readJson(join(seeds, TABLE_FILES[t]), problems)));
  tables.forEach((t, i) => (pack[t] = values[i]));
  pack.sources = await withTexts(pack.sources, seeds, problems);
  return pack;
}

function located(error: PackError, seeds: string): Problem {
  return { file: join(seeds, TABLE_FILES[errorTable(error)]), message: formatPackError(error) };
}

export async function main(args: readonly string[], io: Io = { log: console.log, error: console.error }): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.error(options);
    return 2;
  }
  const problems: Problem[] = [];
  const draft = await assemble(options.seeds, problems);
  // A table that could not be read would only add noise to the validator's messages.
  if (problems.length === 0) {
    draft.hash = await packHash(draft);
    const result = validatePack(draft);
    if (result.ok) return write(result.pack, options, io);
    problems.push(...result.errors.map((e) => located(e, options.seeds)));
  }
  for (const p of problems) io.error(`${shown(p.file)}: ${p.message}`);
  io.error(`compile-seeds: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing written`);
  return 1;
}

async function write(pack: FactPack, options: Options, io: Io): Promise<number> {
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, packFileText(pack));
  const counts = (['sources', 'entities', 'roles', 'facts', 'deals'] as const).map((t) => `${pack[t].length} ${t}`).join(', ');
  io.log(`${pack.id} ${pack.version}: ${counts}; hash ${pack.hash.slice(0, 12)} → ${shown(options.out)}`);
  return 0;
}
