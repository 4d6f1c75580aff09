import { describe, expect, it } from 'vitest';
import { canonicalBytes, fileMatchesHash } from '../../lib/pack/file-hash';
import { canonicalJson, packFileText, packHash } from '../../lib/pack/validate';
import type { FactPack } from '../../lib/pack/types';
import { makeSmallPack } from '../fixtures/small-pack';

const utf8 = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

async function hashedPack(): Promise<FactPack> {
  // Non-ASCII in a quote and a source, and an escaped quote: the bytes must carry them as JSON.stringify writes them.
  const pack = makeSmallPack({ name: 'Pack “test” — 测试 "quoted" \\ back' });
  return { ...pack, hash: await packHash(pack) };
}

/** The file's bytes in pieces of `size` (a stream hands them over in arbitrary pieces). */
function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('fileMatchesHash', () => {
  it('checks a file as Factmark writes it from its bytes: they are the canonical content', async () => {
    const pack = await hashedPack();
    const { hash: _hash, ...content } = pack;
    const bytes = utf8(packFileText(pack));
    expect(decode(canonicalBytes([bytes], pack.hash))).toBe(canonicalJson(content));
    expect(await fileMatchesHash([bytes], pack.hash)).toBe(true);
  });

  it.each([1, 7, 4096])('whatever the pieces the file arrives in (%i bytes)', async (size) => {
    const pack = await hashedPack();
    expect(await fileMatchesHash(pieces(utf8(packFileText(pack)), size), pack.hash)).toBe(true);
  });

  it('takes a file with a byte-order mark, and the compact canonical JSON itself', async () => {
    const pack = await hashedPack();
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    expect(await fileMatchesHash([bom, utf8(packFileText(pack))], pack.hash)).toBe(true);
    expect(await fileMatchesHash([utf8(canonicalJson(pack))], pack.hash)).toBe(true);
  });

  it.each<[string, (pack: FactPack) => string]>([
    ['keys in another order (another tool wrote it)', (pack) => JSON.stringify(pack, null, 2)],
    ['a byte changed after it was written', (pack) => packFileText(pack).replace('Khalil Hashmi', 'Khalil Hashmy')],
    ['a string escaped differently (same value)', (pack) => packFileText(pack).replace('"name": "Khalil Hashmi"', '"name": "Khalil Hashm\\u0069"')],
    ['no hash member at the top level', (pack) => packFileText({ ...pack, hash: undefined })],
    ['not JSON at all', () => 'not json \u00e9'],
  ])('gives no answer for %s (the parsed pack is hashed instead)', async (_, text) => {
    const pack = await hashedPack();
    expect(await fileMatchesHash([utf8(text(pack))], pack.hash)).toBeUndefined();
  });

  it('takes the hash member out only at the top level, with one of its commas', () => {
    const h = 'a'.repeat(64);
    const cut = (text: string) => decode(canonicalBytes([utf8(text)], h));
    expect(cut(`{"a": 1, "hash": "${h}", "b": 2}`)).toBe('{"a":1,"b":2}');
    expect(cut(`{"a": 1, "hash": "${h}"}`)).toBe('{"a":1}');
    expect(cut(`{"hash": "${h}", "b": [1, {"c": "x y"}]}`)).toBe('{"b":[1,{"c":"x y"}]}');
    expect(cut(`{ "hash" : "${h}" }`)).toBe('{}');
    // Not a member of the top-level object: inside a string, or in a nested object.
    expect(cut(`{"a": "\\"hash\\":\\"${h}\\""}`)).toBeUndefined();
    expect(cut(`{"a": {"hash": "${h}"}}`)).toBeUndefined();
    expect(cut(`["hash", "${h}"]`)).toBeUndefined();
  });
});
