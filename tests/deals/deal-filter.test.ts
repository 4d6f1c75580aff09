import { describe, expect, it } from 'vitest';
import { filterOptions, foldText, matchesFilter, validFilter, type DealFilter } from '../../lib/deals/deal-filter';
import type { DealEntity } from '../../lib/deals/types';
import type { DealView, EntitySummary } from '../../lib/store';

const summary = (id: string, name: string): EntitySummary => ({ id, packId: 'p', name, type: 'organisation' });
const ENTITIES = new Map<string, DealEntity>(
  [
    { ...summary('embassy', 'Embassy of Pakistan in China'), country: 'PK', organisations: [] },
    { ...summary('anlong', 'Anlong Gene'), country: 'CN', organisations: [] },
    { ...summary('sialkot', 'Sialkot'), type: 'place' as const, country: 'PK', organisations: [] },
    { ...summary('platform', 'CPEC Business Platform'), organisations: [] },
  ].map((e) => [e.id, e]),
);

function view(id: string, fields: Partial<DealView>): DealView {
  const parties = fields.parties ?? [];
  const involved = fields.involved ?? [];
  return {
    id,
    packId: 'p',
    title: id,
    kind: 'event',
    status: 'held',
    summary: '',
    sourceId: 's',
    quote: 'q',
    parties,
    involved,
    partyEntities: parties.map((p) => summary(p, ENTITIES.get(p)?.name ?? p)),
    involvedEntities: involved.map((p) => summary(p, ENTITIES.get(p)?.name ?? p)),
    ...fields,
  };
}

const DEALS = [
  view('b2b', { kind: 'matchmaking-event', parties: ['embassy'], title: 'B2B Matchmaking Meeting' }),
  view('lab', { kind: 'joint-laboratory', status: 'signed', parties: ['anlong'], summary: 'A cancer precision medical laboratory.' }),
  view('ventures', { kind: 'joint-venture-proposal', status: 'proposed', involved: ['platform'], place: 'sialkot', placeEntity: { ...summary('sialkot', 'Sialkot'), type: 'place' } }),
  view('webinar', { place: 'online, from Sialkōt' }),
];

describe('matchesFilter', () => {
  it.each<[string, DealFilter, string[]]>([
    ['no filter', {}, ['b2b', 'lab', 'ventures', 'webinar']],
    ['kind', { kind: 'joint-laboratory' }, ['lab']],
    ['status', { status: 'held' }, ['b2b', 'webinar']],
    ['party (a party)', { party: 'embassy' }, ['b2b']],
    ['party (an involved entity)', { party: 'platform' }, ['ventures']],
    ['country of a party', { country: 'CN' }, ['lab']],
    ['country of the place', { country: 'PK' }, ['b2b', 'ventures']],
    ['text in the title, any case', { text: 'matchmaking' }, ['b2b']],
    ['text in the summary', { text: 'Cancer' }, ['lab']],
    ['text in a party’s name', { text: 'embassy' }, ['b2b']],
    ['text ignores accents, on both sides', { text: 'sialkot' }, ['ventures', 'webinar']],
    ['every word must match', { text: 'sialkot online' }, ['webinar']],
    ['blank text is no filter', { text: '   ' }, ['b2b', 'lab', 'ventures', 'webinar']],
    ['filters combine', { status: 'held', country: 'PK' }, ['b2b']],
  ])('%s', (_, filter, expected) => {
    expect(DEALS.filter((d) => matchesFilter(d, filter, ENTITIES)).map((d) => d.id)).toEqual(expected);
  });
});

describe('filterOptions', () => {
  it('offers only values some deal has, in a stable order', () => {
    const options = filterOptions(DEALS, ENTITIES);
    expect(options.kinds).toEqual(['joint-laboratory', 'matchmaking-event', 'joint-venture-proposal', 'event']);
    expect(options.statuses).toEqual(['signed', 'proposed', 'held']);
    expect(options.parties.map((p) => p.id)).toEqual(['anlong', 'platform', 'embassy']);
    expect(options.countries).toEqual(['CN', 'PK']);
  });

  it('validFilter drops choices that are gone', () => {
    const options = filterOptions(DEALS.slice(0, 1), ENTITIES);
    expect(validFilter({ kind: 'joint-laboratory', status: 'held', party: 'anlong', country: 'PK', text: 'x' }, options)).toEqual({ status: 'held', country: 'PK', text: 'x' });
  });

  it('foldText folds case and accents', () => {
    expect(foldText('Sialkōt CAFÉ')).toBe('sialkot cafe');
  });
});
