import { describe, expect, it } from 'vitest';
import { MatcherService } from '../../lib/background/matcher-service';
import type { DictionaryEntry } from '../../lib/store/views';

const entry = (id: string, name: string, type: DictionaryEntry['type'] = 'person'): DictionaryEntry => ({ entityId: id, packId: 'p', name, type, aliases: [] });

describe('MatcherService', () => {
  it('matches blocks with the mark types asked for, building once per set of types', async () => {
    let loads = 0;
    const service = new MatcherService(async () => {
      loads++;
      return { entries: [entry('kh', 'Khalil Hashmi'), entry('sk', 'Sialkot', 'place')], key: 'k' };
    });
    const blocks = [{ text: 'Khalil Hashmi visited Sialkot.', heading: false }];
    expect((await service.match(blocks, ['person', 'place'])).map((m) => m.entityId)).toEqual(['kh', 'sk']);
    expect((await service.match(blocks, ['place', 'person'])).map((m) => m.entityId)).toEqual(['kh', 'sk']);
    expect((await service.match(blocks, ['place'])).map((m) => m.entityId)).toEqual(['sk']);
    expect(loads).toBe(2);
    service.invalidate();
    await service.match(blocks, ['place']);
    expect(loads).toBe(3);
  });
});
