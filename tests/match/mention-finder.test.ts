import { describe, expect, it } from 'vitest';
import { buildDictionary } from '../../lib/match/dictionary';
import { createMentionFinder } from '../../lib/match/mention-finder';

const dict = buildDictionary([
  { id: 'kh', name: 'Khalil Hashmi', type: 'person', aliases: [{ text: 'Hashmi', kind: 'surname' }] },
]);

describe('createMentionFinder', () => {
  it('decides over the whole page each time, so context from old blocks still counts', async () => {
    const find = createMentionFinder(dict);
    expect((await find([{ text: 'Khalil Hashmi arrived.' }])).map((m) => m.surface)).toEqual(['Khalil Hashmi']);
    const again = await find([{ text: 'Khalil Hashmi arrived.' }, { text: 'Later Hashmi said.' }]);
    expect(again.map((m) => `${m.block}:${m.surface}`)).toEqual(['0:Khalil Hashmi', '1:Hashmi']);
  });
});
