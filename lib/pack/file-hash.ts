/**
 * The hash check of a pack file read straight from its bytes. Factmark writes pack files
 * as their canonical JSON laid out with whitespace (packFileText), so the file's bytes
 * with the whitespace between tokens dropped and the top-level `"hash":"…"` member taken
 * out are the canonical JSON the hash was made from, already UTF-8: hashing them needs
 * no sorted copy of the parsed pack, no JSON.stringify and no TextEncoder (most of an
 * import's checks for a 100k-entity pack).
 *
 * Sound: sha-256 of those bytes equals the pack's hash only if they ARE the canonical
 * JSON of some content (a second preimage otherwise), and the parsed file is then that
 * content plus its hash, since dropping whitespace outside strings changes no value. Any
 * other file (keys in another order, edited, written by another tool) gives no answer
 * here, and the caller hashes the parsed pack instead (lib/pack/validate.ts packHash).
 */

import { sha256Hex } from './validate';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/**
 * Whether the file's bytes carry the canonical content of `hash`: true when they do,
 * undefined when this cannot tell (the caller then checks the parsed pack).
 */
export async function fileMatchesHash(chunks: readonly Uint8Array[], hash: string): Promise<true | undefined> {
  const minified = canonicalBytes(chunks, hash);
  if (!minified) return undefined;
  return (await sha256Hex(minified)) === hash ? true : undefined;
}

/**
 * The file's bytes without whitespace outside strings and without its top-level
 * `"hash":"<hash>"` member, or undefined when the file is not laid out so (no such
 * member, a byte no JSON has outside a string). Exported for tests.
 */
export function canonicalBytes(chunks: readonly Uint8Array[], hash: string): Uint8Array<ArrayBuffer> | undefined {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Uint8Array(total);
  let o = 0;
  let inString = false;
  let escaped = false;
  let depth = 0;
  let keyNext = false;
  /** Where each member of the top-level object starts in `out`. */
  const members: number[] = [];
  let first = true;
  for (const chunk of chunks) {
    let i = 0;
    // A byte-order mark: the decoder drops it, so do we.
    if (first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    if (chunk.length > 0) first = false;
    for (; i < chunk.length; i += 1) {
      const b = chunk[i]!;
      if (inString) {
        out[o++] = b;
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        continue;
      }
      switch (b) {
        case 0x20:
        case 0x09:
        case 0x0a:
        case 0x0d:
          continue;
        case QUOTE:
          if (keyNext) members.push(o);
          keyNext = false;
          inString = true;
          break;
        case 0x7b: // {
          depth += 1;
          keyNext = depth === 1;
          break;
        case 0x5b: // [
          depth += 1;
          keyNext = false;
          break;
        case 0x7d: // }
        case 0x5d: // ]
          depth -= 1;
          keyNext = false;
          break;
        case COMMA:
          keyNext = depth === 1;
          break;
        default:
          // Outside strings JSON has only ASCII: anything else means this is not a JSON file as we write them.
          if (b >= 0x80) return undefined;
          keyNext = false;
      }
      out[o++] = b;
    }
  }
  if (inString || depth !== 0) return undefined;
  const member = new TextEncoder().encode(`"hash":"${hash}"`);
  const start = members.find((at) => startsWith(out, at, member, o));
  if (start === undefined) return undefined;
  let from = start;
  let to = start + member.length;
  if (out[to] === COMMA) to += 1;
  else if (from > 0 && out[from - 1] === COMMA) from -= 1;
  out.copyWithin(from, to, o);
  return out.subarray(0, o - (to - from));
}

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array, end: number): boolean {
  if (at + prefix.length > end) return false;
  for (let k = 0; k < prefix.length; k += 1) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}
