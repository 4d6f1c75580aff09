import { describe, expect, it, vi } from 'vitest';
import { buildDictionary } from '../../lib/match/dictionary';
import * as findMentions from '../../lib/match/find-mentions';
import { createMentionFinder } from '../../lib/match/mention-finder';

// Count how often blocks are folded and scanned (prepareBlock): a cached block is not.
vi.mock('../../lib/match/find-mentions', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/match/find-mentions')>();
  return { ...actual, prepareBlock: vi.fn(actual.prepareBlock) };
});
const prepared = () => vi.mocked(findMentions.prepareBlock).mock.calls.length;

const dict = buildDictionary([{ id: 'kh', name: 'Khalil Hashmi', type: 'person', aliases: [] }]);

describe('the mention finder\'s cache', () => {
  it('reuses blocks it has seen, and keeps no more text than its budget', async () => {
    const find = createMentionFinder(dict, { cacheChars: 100 });
    const a = { text: 'Khalil Hashmi arrived in Beijing on Monday.' }; // 43 characters
    const b = { text: 'The talks went on until late in the evening.' }; // 44
    const c = { text: 'A third paragraph, long enough to push one out.' }; // 47
    const before = prepared();
    await find([a, b]);
    expect(prepared() - before).toBe(2);
    await find([a, b]);
    expect(prepared() - before).toBe(2);
    // 134 characters with c: the least recently used (a) goes; b and c stay.
    await find([b, c]);
    expect(prepared() - before).toBe(3);
    await find([b, c]);
    expect(prepared() - before).toBe(3);
    await find([a]);
    expect(prepared() - before).toBe(4);
  });

  it('keeps the blocks of the current page even when they alone are over the budget', async () => {
    const find = createMentionFinder(dict, { cacheChars: 10 });
    const page = [{ text: 'Khalil Hashmi arrived.' }, { text: 'He met officials.' }];
    const before = prepared();
    expect((await find(page)).map((m) => m.surface)).toEqual(['Khalil Hashmi']);
    await find(page);
    expect(prepared() - before).toBe(2);
  });
});
