/** Packs that pass every import check: the small test pack under its own id, hashed. */
import { packHash } from '../../lib/pack/validate';
import type { FactPack } from '../../lib/pack/types';
import type { FactmarkDB } from '../../lib/store';
import { makeSmallPack } from '../fixtures/small-pack';

export async function withHash(pack: FactPack): Promise<FactPack> {
  return { ...pack, hash: await packHash(pack) };
}

export function importablePack(overrides: Partial<FactPack> = {}): Promise<FactPack> {
  return withHash(makeSmallPack({ id: 'my-pack', name: 'My pack', version: '1.0.0', ...overrides }));
}

/** A File with the pack as JSON, as the file input would give it. */
export function packFile(content: unknown, name = 'pack.json'): File {
  return new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });
}

/** Every row of every table, to prove a refused import changed nothing. */
export async function snapshot(db: FactmarkDB): Promise<Record<string, unknown[]>> {
  const tables = [db.packs, ...db.contentTables];
  const rows = await Promise.all(tables.map((table) => table.toArray()));
  return Object.fromEntries(tables.map((table, i) => [table.name, rows[i] ?? []]));
}
