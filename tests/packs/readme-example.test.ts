// The small pack in README "The format" must stay a valid, importable pack.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPackValue } from '../../lib/packs';
import { validatePack, verifyPackHash } from '../../lib/pack/validate';
import type { FactPack } from '../../lib/pack/types';
import { freshStore } from '../store/helpers';

function readmeExample(): unknown {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The format'));
  const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README: no ```json block under "### The format"');
  return JSON.parse(block);
}

describe('the README example pack', () => {
  it('validates, matches its hash and imports', async () => {
    const pack = readmeExample();
    const checked = validatePack(pack);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(await verifyPackHash(pack as FactPack)).toBe(true);
    expect(await importPackValue(freshStore(), pack, { reservedIds: ['factmark-seeds'] })).toMatchObject({ ok: true, meta: { id: 'my-newsroom', counts: { entities: 2 } } });
  });
});
