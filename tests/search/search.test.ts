import { describe, expect, it } from 'vitest';
import bundled from '../../lib/pack/generated/pack.json';
import type { FactPack } from '../../lib/pack/types';
import { createSearchIndex, loadSearchIndex, search, searchRowsFromPacks, serializeSearchIndex, type SearchResults, type SearchRow } from '../../lib/search';

const pack = bundled as unknown as FactPack;
const index = createSearchIndex(searchRowsFromPacks([pack]));

const hits = (results: SearchResults) => results.groups.flatMap((g) => g.hits);
const first = (query: string) => hits(search(index, query)).find((h) => h.kind !== 'fact');
const topOf = (query: string, kind: string) => search(index, query).groups.find((g) => g.kind === kind)?.hits[0];

/** A row with only what ranking looks at. */
function row(refId: string, names: string[], extra: Partial<SearchRow> = {}): SearchRow {
  const [title = refId, ...aliases] = names;
  return { id: `e:${refId}`, kind: 'organisation', refId, packId: 'p', title, aliases, names: names.join('\n'), ...extra };
}

describe('search: the bundled pack', () => {
  it.each([
    ['anl', 'org-anlong-gene'],
    ['Anlong', 'org-anlong-gene'],
    ['anlong gene', 'org-anlong-gene'],
    ['Hashmy', 'person-khalil-hashmi'],
    ['hashmi', 'person-khalil-hashmi'],
    ['Khalil Hashmy', 'person-khalil-hashmi'],
    ['Kalil Hashmi', 'person-khalil-hashmi'],
    ['KP-BOIT', 'org-kp-boit'],
    ['KP BOIT', 'org-kp-boit'],
    ['kp–boit', 'org-kp-boit'],
    ['KPBOIT', 'org-kp-boit'],
    ['Khyber Pakhtunkhwa Board of Investment and Trade', 'org-kp-boit'],
    ['khyber pakhtunkhwa board', 'org-kp-boit'],
    ['sialkot', 'place-sialkot'],
    ['Zhou', 'person-zhou-hui'],
    ['Biotech and Biomedicine', 'org-biotech-shenyang'],
    ['belt & road', 'initiative-bri'],
    ['Pakistan’s Embassy in China', 'org-embassy-pakistan-china'],
    ['cancer precision', 'deal-cancer-precision-lab'],
  ])('%s finds %s first', (query, id) => {
    expect(first(query)?.refId).toBe(id);
  });

  it.each([
    ['KP-BOIT', 'KP-BOIT'],
    ['KP BOIT', 'KP BOIT'],
    ['kpboit', 'KPBOIT'],
  ])('%s: the exact alias is shown as spelled (%s)', (query, alias) => {
    const hit = first(query)!;
    expect(hit.match).toBe('exact');
    expect(hit.alias?.text).toBe(alias);
  });

  it('the three KP-BOIT spellings and the full name reach the same organisation, as exact matches', () => {
    for (const query of ['KP-BOIT', 'KP BOIT', 'Khyber Pakhtunkhwa Board of Investment and Trade']) {
      const hit = topOf(query, 'organisation');
      expect([query, hit?.refId, hit?.match]).toEqual([query, 'org-kp-boit', 'exact']);
    }
  });

  it.each([
    ['ambassador', 'person', 'person-khalil-hashmi'],
    ['general manager', 'person', 'person-wei-yujun'],
    ['600 million', 'fact', 'fact-pk-surgical-industry-value'],
    ['600000000', 'fact', 'fact-pk-surgical-industry-value'],
    ['3900', 'fact', undefined],
    ['health knows no borders', 'fact', undefined],
    ['enhance ties medical sector', 'source', 'src-000-inp-2025-01-20'],
  ])('%s finds a %s (%s)', (query, kind, id) => {
    const hit = topOf(query, kind);
    expect(hit, query).toBeDefined();
    if (id) expect(hit?.refId).toBe(id);
  });

  it('finds words of the source documents, with a passage only through the background', () => {
    const results = search(index, 'optimism');
    expect(results.groups.map((g) => g.kind)).toContain('source');
  });

  it('groups by kind, best group first, and counts every result of a kind', () => {
    const results = search(index, 'hashmi');
    expect(results.groups[0]?.kind).toBe('person');
    const facts = results.groups.find((g) => g.kind === 'fact')!;
    expect(facts.total).toBeGreaterThan(facts.hits.length);
    expect(facts.hits).toHaveLength(5);
    expect(results.total).toBe(results.groups.reduce((sum, g) => sum + g.total, 0));
  });

  it('honours the per-group limit', () => {
    expect(search(index, 'pakistan', { limit: 2 }).groups.every((g) => g.hits.length <= 2)).toBe(true);
    expect(search(index, 'pakistan', { limit: 500 }).groups.every((g) => g.hits.length <= 50)).toBe(true);
  });

  it.each(['', '   ', '—', '!!!'])('%j finds nothing', (query) => {
    expect(search(index, query).groups).toEqual([]);
  });

  it('one letter matches only a name that is that letter', () => {
    expect(search(index, 'a').total).toBe(0);
  });

  it('marks the typed part of each word, and the whole word of a typo match', () => {
    expect(first('anl')?.title).toEqual({ text: 'Beijing Anlong Gene Medicine Technology Co., Ltd.', marks: [[8, 11]] });
    expect(first('Hashmy')?.title).toEqual({ text: 'Khalil Hashmi', marks: [[7, 13]] });
    expect(first('KP-BOIT')?.alias).toEqual({ text: 'KP-BOIT', marks: [[0, 2], [3, 7]] });
  });

  it('works the same after saving and loading the index (structured clone, as IndexedDB does)', () => {
    const loaded = loadSearchIndex(structuredClone(serializeSearchIndex(index)))!;
    for (const query of ['anl', 'Hashmy', 'KP-BOIT', '600 million']) expect(search(loaded, query)).toEqual(search(index, query));
  });

  it('refuses saved data of another format version', () => {
    expect(loadSearchIndex({ ...serializeSearchIndex(index), version: 0 })).toBeUndefined();
    expect(loadSearchIndex(null)).toBeUndefined();
    expect(loadSearchIndex({})).toBeUndefined();
  });
});

describe('search: ranking', () => {
  const ranked = createSearchIndex([
    row('text-only', ['Harbour Authority'], { text: 'Works with the Gene Lab on shipping.' }),
    row('loose', ['Gane Lab']),
    row('words', ['Lab of Gene Studies']),
    row('prefix', ['Gene Laboratory of Sialkot']),
    row('exact', ['Gene Lab']),
    row('alias', ['Institute of Gene Labs', 'Genelab']),
  ]);
  const order = (query: string) => search(ranked, query, { limit: 10 }).groups.flatMap((g) => g.hits.map((h) => [h.refId, h.match]));

  it('exact name, then prefix, then every word begun, then typos, then text', () => {
    expect(order('gene lab')).toEqual([
      ['exact', 'exact'],
      ['prefix', 'prefix'],
      ['words', 'words'],
      ['alias', 'words'],
      ['loose', 'loose'],
      ['text-only', 'text'],
    ]);
  });

  it.each([
    ['genelab', 'alias', 'exact'],
    ['Gène Lab', 'exact', 'exact'],
    ['GENE-LAB', 'exact', 'exact'],
    ['gene labo', 'prefix', 'prefix'],
    ['lab gene', 'exact', 'words'],
  ])('%s → %s (%s)', (query, id, match) => {
    expect(order(query)[0]).toEqual([id, match]);
  });

  it('falls back to any word when no result has them all', () => {
    const results = search(ranked, 'harbour zzzzzz');
    expect(results.groups[0]?.hits[0]?.refId).toBe('text-only');
  });
});

describe('search: folding and typos', () => {
  const folded = createSearchIndex([
    row('zoe', ['Zoë Ångström']),
    row('jose', ['José Núñez']),
    row('amp', ['Belt & Road Forum']),
    row('possessive', ['Pakistan’s Board of Trade']),
    row('soft', ['Ha\u00adshmi Trading']),
    row('long', ['Pakhtunkhwa Holdings']),
  ]);
  const top = (query: string) => search(folded, query).groups[0]?.hits[0]?.refId;

  it.each([
    ['zoe angstrom', 'zoe'],
    ['ZOË', 'zoe'],
    ['jose nunez', 'jose'],
    ['núñez', 'jose'],
    ['belt and road', 'amp'],
    ['belt & road', 'amp'],
    ['pakistan board', 'possessive'],
    ['pakistan’s board', 'possessive'],
    ["pakistan's", 'possessive'],
    ['hashmi', 'soft'],
    ['hashmy', 'soft'],
    ['pakhtunkwa', 'long'],
    ['pukhtunkhwa holdings', 'long'],
  ])('%s finds %s', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it.each([
    ['zpe', undefined],
    ['hashmyy', undefined],
    ['xoe', undefined],
  ])('%s is too far (%s)', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it('maps marks back through folding: diacritics, soft hyphens', () => {
    expect(search(folded, 'angstrom').groups[0]?.hits[0]?.title).toEqual({ text: 'Zoë Ångström', marks: [[4, 12]] });
    expect(search(folded, 'hashmi').groups[0]?.hits[0]?.title).toEqual({ text: 'Ha\u00adshmi Trading', marks: [[0, 7]] });
  });
});
