/**
 * Reading a chosen file as UTF-8 text, with its size checked first and progress as the
 * bytes arrive (Blob.text() has no progress, and a 200 MB pack takes a moment).
 */
import type { ImportProblem } from './import-problem';

export interface ReadOptions {
  maxBytes: number;
  onProgress?: (bytesRead: number, total: number) => void;
}

/** The text, and the bytes it was decoded from (as read, in pieces: a pack's hash check reads them, lib/pack/file-hash.ts). */
export type ReadResult = { ok: true; text: string; bytes: Uint8Array[] } | { ok: false; problem: ImportProblem };

export async function readTextFile(file: Blob, options: ReadOptions): Promise<ReadResult> {
  if (file.size > options.maxBytes) return { ok: false, problem: { kind: 'too-large', size: file.size, limit: options.maxBytes } };
  if (file.size === 0) return { ok: false, problem: { kind: 'empty' } };
  // fatal: a file that is not UTF-8 is refused rather than read with U+FFFD in its quotes.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const pieces: string[] = [];
  const bytes: Uint8Array[] = [];
  let read = 0;
  try {
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      // The size can change under us (a file still being written): hold to the limit.
      if (read > options.maxBytes) {
        await reader.cancel();
        return { ok: false, problem: { kind: 'too-large', size: read, limit: options.maxBytes } };
      }
      pieces.push(decoder.decode(value, { stream: true }));
      bytes.push(value);
      options.onProgress?.(read, file.size);
    }
    pieces.push(decoder.decode());
  } catch (error) {
    const detail = error instanceof TypeError ? 'the file is not UTF-8 text' : error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { kind: 'unreadable', detail } };
  }
  return { ok: true, text: pieces.join(''), bytes };
}

/** JSON.parse, with the parser's own message kept for the user (it says where). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: ImportProblem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: { kind: 'not-json', detail: error instanceof Error ? error.message : String(error) } };
  }
}
