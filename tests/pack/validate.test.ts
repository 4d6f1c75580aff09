// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FactPack } from '../../lib/pack/types';
import {
  canonicalJson,
  packFileText,
  errorTable,
  MAX_ERRORS,
  packHash,
  quoteInText,
  validatePack,
  verifyPackHash,
  type PackError,
} from '../../lib/pack/validate';

// Curly quotes and a non-breaking space on purpose: quotes must keep them exactly.
const TEXT = [
  'BEIJING, Sep 22 (APP): Zhou Hui, President of the Example Chamber, said “trade is growing”',
  'and that exports reached $5 million in 2023.',
  '',
  '\u00a0The Example Chamber and Acme Co. signed an agreement in Beijing.',
].join('\n');

function tinyPack(): FactPack {
  return {
    format: 'factmark-pack',
    formatVersion: 1,
    id: 'tiny',
    name: 'Tiny pack',
    version: '1.0.0',
    hash: 'a'.repeat(64),
    sources: [{ id: 'src-test', file: 'test.txt', title: 'A test', outlet: 'APP', dateline: 'BEIJING', date: { month: 9, day: 22 }, dateText: 'Sep 22', language: 'en', text: TEXT }],
    entities: [
      {
        id: 'person-zhou-hui',
        type: 'person',
        name: 'Zhou Hui',
        description: 'President of the Example Chamber.',
        aliases: [{ text: 'Zhou Hui', kind: 'name' }, { text: 'Zhou', kind: 'surname', caseSensitive: true, ambiguous: true }],
        country: 'CN',
        memberOf: ['org-example-chamber'],
        sources: ['src-test'],
      },
      { id: 'org-example-chamber', type: 'organisation', name: 'Example Chamber', description: 'A chamber.', aliases: [{ text: 'Example Chamber', kind: 'name' }, { text: 'EC', kind: 'acronym' }], sources: ['src-test'] },
      { id: 'org-acme', type: 'organisation', name: 'Acme Co.', description: 'A company.', aliases: [{ text: 'Acme', kind: 'short' }], sources: ['src-test'], cues: ['anvils'] },
      { id: 'place-beijing', type: 'place', name: 'Beijing', description: 'A city.', aliases: [{ text: 'Beijing', kind: 'name' }], sources: ['src-test'] },
    ],
    roles: [{ id: 'role-zhou-president', personId: 'person-zhou-hui', title: 'President', orgId: 'org-example-chamber', sourceId: 'src-test', quote: 'Zhou Hui, President of the Example Chamber' }],
    facts: [
      {
        id: 'fact-exports',
        entityIds: ['person-zhou-hui'],
        text: 'Exports reached $5 million in 2023.',
        figure: { value: 5_000_000, unit: 'USD', measure: 'exports', qualifier: 'about', period: '2023', change: { value: 6.1, unit: 'percent', basis: 'year on year' } },
        attributedTo: 'person-zhou-hui',
        sourceId: 'src-test',
        quote: 'exports reached $5 million in 2023',
      },
    ],
    deals: [
      {
        id: 'deal-agreement',
        title: 'Agreement',
        kind: 'agreement',
        status: 'signed',
        parties: ['org-example-chamber', 'org-acme'],
        involved: ['person-zhou-hui'],
        place: 'place-beijing',
        summary: 'They signed an agreement.',
        factIds: ['fact-exports'],
        citations: [{ sourceId: 'src-test', quote: 'said “trade is growing” and that' }],
        sourceId: 'src-test',
        quote: 'The Example Chamber and Acme Co. signed an agreement',
      },
    ],
  };
}

type Mutation = (p: FactPack) => void;
/** Writes a value of the wrong type where the types forbid it. */
const set = (obj: object, key: string, value: unknown) => Object.assign(obj, { [key]: value });

function errorsOf(input: unknown, opts?: Parameters<typeof validatePack>[1]): PackError[] {
  const result = validatePack(input, opts);
  return result.ok ? [] : result.errors;
}

function broken(mutate: Mutation): PackError[] {
  const pack = tinyPack();
  mutate(pack);
  return errorsOf(pack);
}

describe('validatePack accepts', () => {
  it.each<[string, Mutation]>([
    ['the tiny pack as it is', () => {}],
    ['a quote whose whitespace differs from the text (newline, NBSP)', (p) => (p.deals[0]!.quote = '2023. The Example   Chamber')],
    ['29 February when the year is unknown', (p) => (p.deals[0]!.date = { month: 2, day: 29 })],
    ['29 February of a leap year', (p) => (p.deals[0]!.date = { year: 2024, month: 2, day: 29 })],
    ['a free-text place', (p) => (p.deals[0]!.place = 'Beijing')],
    ['a deal with no named party but someone involved', (p) => (p.deals[0]!.parties = [])],
    ['an ambiguous alias shared by two entities', (p) => p.entities[2]!.aliases.push({ text: 'Zhou', kind: 'short', ambiguous: true })],
    ['a role without an organisation', (p) => delete p.roles[0]!.orgId],
  ])('%s', (_, mutate) => {
    const pack = tinyPack();
    mutate(pack);
    const result = validatePack(pack);
    expect(result).toEqual({ ok: true, pack });
  });
});

describe('validatePack refuses', () => {
  const record = (table: string, i: number, id: string) => `${table}[${i}] (${id})`;
  const E0 = record('entities', 0, 'person-zhou-hui');
  const F0 = record('facts', 0, 'fact-exports');
  const D0 = record('deals', 0, 'deal-agreement');
  const R0 = record('roles', 0, 'role-zhou-president');
  const S0 = record('sources', 0, 'src-test');

  it.each<[string, Mutation, string, RegExp]>([
    // quotes
    ['a quote not in its document', (p) => (p.facts[0]!.quote = 'exports reached $6 million'), F0, /^quote not found in source src-test: "exports reached \$6 million"$/],
    ['a quote with straight quotes where the text has curly ones', (p) => (p.deals[0]!.citations![0]!.quote = 'said "trade is growing"'), D0, /^citations\[0\]\.quote not found in source src-test/],
    ['a quote in the wrong letter case', (p) => (p.roles[0]!.quote = 'zhou hui, president'), R0, /^quote not found in source src-test/],
    // dangling references
    ['a fact about an unknown entity', (p) => p.facts[0]!.entityIds.push('person-nobody'), F0, /^entityIds\[1\] refers to entity "person-nobody", which is not in the pack$/],
    ['a role of an unknown person', (p) => (p.roles[0]!.personId = 'person-nobody'), R0, /^personId refers to entity "person-nobody"/],
    ['a role at an unknown organisation', (p) => (p.roles[0]!.orgId = 'org-nobody'), R0, /^orgId refers to entity "org-nobody"/],
    ['a deal with an unknown party', (p) => (p.deals[0]!.parties[1] = 'org-nobody'), D0, /^parties\[1\] refers to entity "org-nobody"/],
    ['a deal with an unknown entity involved', (p) => (p.deals[0]!.involved = ['person-nobody']), D0, /^involved\[0\] refers to entity "person-nobody"/],
    ['a deal citing an unknown fact', (p) => (p.deals[0]!.factIds = ['fact-nothing']), D0, /^factIds\[0\] refers to fact "fact-nothing"/],
    ['a deal at an unknown place id', (p) => (p.deals[0]!.place = 'place-nowhere'), D0, /^place refers to entity "place-nowhere"/],
    ['a citation of an unknown source', (p) => (p.deals[0]!.citations![0]!.sourceId = 'src-none'), D0, /^citations\[0\]\.sourceId refers to source "src-none", which is not in the pack$/],
    ['a fact from an unknown source', (p) => (p.facts[0]!.sourceId = 'src-none'), F0, /^sourceId refers to source "src-none"/],
    ['a member of an unknown organisation', (p) => (p.entities[0]!.memberOf = ['org-nobody']), E0, /^memberOf\[0\] refers to entity "org-nobody"/],
    ['an entity sourced from an unknown source', (p) => (p.entities[0]!.sources = ['src-none']), E0, /^sources\[0\] refers to source "src-none"/],
    ['a statement attributed to an unknown entity', (p) => (p.facts[0]!.attributedTo = 'person-nobody'), F0, /^attributedTo refers to entity "person-nobody"/],
    ['a role whose person is an organisation', (p) => (p.roles[0]!.personId = 'org-acme'), R0, /^personId must be a person, but "org-acme" is an organisation$/],
    ['a role at a person', (p) => (p.roles[0]!.orgId = 'person-zhou-hui'), R0, /^orgId must not be a person/],
    ['a member of a person', (p) => (p.entities[0]!.memberOf = ['person-zhou-hui']), E0, /^memberOf\[0\] must not be a person/],
    // duplicates
    ['a duplicate entity id', (p) => p.entities.push({ ...p.entities[3]!, aliases: [{ text: 'Peking', kind: 'name' }], name: 'Peking' }), 'entities[4] (place-beijing)', /^id "place-beijing" is used twice in entities \(first by entities\[3\]\)$/],
    ['a duplicate fact id', (p) => p.facts.push({ ...p.facts[0]! }), 'facts[1] (fact-exports)', /is used twice in facts/],
    ['a duplicate source id', (p) => p.sources.push({ ...p.sources[0]! }), 'sources[1] (src-test)', /is used twice in sources/],
    ['a repeated reference', (p) => p.entities[0]!.sources.push('src-test'), E0, /^sources\[1\] repeats "src-test"$/],
    ['a repeated alias', (p) => p.entities[0]!.aliases.push({ text: 'Zhou Hui', kind: 'name' }), E0, /^aliases\[2\]\.text repeats aliases\[0\]/],
    ['an unambiguous alias on two entities', (p) => p.entities[2]!.aliases.push({ text: 'zhou hui', kind: 'name' }), record('entities', 2, 'org-acme'), /^alias "zhou hui" is also an unambiguous alias of person-zhou-hui/],
    // sources of entities
    ['an entity with no source', (p) => (p.entities[1]!.sources = []), record('entities', 1, 'org-example-chamber'), /^sources is empty: every entity needs at least one source/],
    ['an entity without a sources field', (p) => delete (p.entities[1] as Partial<FactPack['entities'][number]>).sources, record('entities', 1, 'org-example-chamber'), /^sources is missing$/],
    ['an entity without aliases', (p) => (p.entities[1]!.aliases = []), record('entities', 1, 'org-example-chamber'), /^aliases must list at least one alias$/],
    // enums
    ['an unknown entity type', (p) => set(p.entities[1]!, 'type', 'company'), record('entities', 1, 'org-example-chamber'), /^type must be one of "person", "organisation", .* \(got "company"\)$/],
    ['an unknown alias kind', (p) => set(p.entities[0]!.aliases[0]!, 'kind', 'nickname'), E0, /^aliases\[0\]\.kind must be one of "name", "acronym"/],
    ['an unknown deal kind', (p) => set(p.deals[0]!, 'kind', 'merger'), D0, /^kind must be one of "agreement", /],
    ['an unknown deal status', (p) => set(p.deals[0]!, 'status', 'done'), D0, /^status must be one of "signed", "planned", "proposed", "held" \(got "done"\)$/],
    ['an unknown figure qualifier', (p) => set(p.facts[0]!.figure!, 'qualifier', 'roughly'), F0, /^figure\.qualifier must be one of "over", /],
    ['a surname alias on an organisation', (p) => p.entities[2]!.aliases.push({ text: 'Acme', kind: 'surname' }), record('entities', 2, 'org-acme'), /^aliases\[1\]\.kind "surname" is for persons/],
    // types
    ['a number where a name belongs', (p) => set(p.entities[0]!, 'name', 42), E0, /^name must be a string \(got number 42\)$/],
    ['a string where a list of ids belongs', (p) => set(p.facts[0]!, 'entityIds', 'person-zhou-hui'), F0, /^entityIds must be an array \(got "person-zhou-hui"\)$/],
    ['an empty list of entities for a fact', (p) => (p.facts[0]!.entityIds = []), F0, /^entityIds must not be empty$/],
    ['a string where a number belongs', (p) => set(p.facts[0]!.figure!, 'value', '5000000'), F0, /^figure\.value must be a finite number \(got "5000000"\)$/],
    ['a string where a flag belongs', (p) => set(p.entities[0]!.aliases[1]!, 'caseSensitive', 'yes'), E0, /^aliases\[1\]\.caseSensitive must be true or false/],
    ['an array where an object belongs', (p) => set(p.facts[0]!, 'figure', [5]), F0, /^figure must be an object \(got an array\)$/],
    ['a record that is not an object', (p) => set(p.roles, '0', 'role-zhou-president'), 'roles[0]', /^must be an object \(got "role-zhou-president"\)$/],
    ['a table that is not an array', (p) => set(p, 'roles', {}), 'roles', /^roles must be an array \(got an object\)$/],
    ['an unknown field', (p) => set(p.roles[0]!, 'sourceID', 'src-test'), R0, /^has an unknown field "sourceID"$/],
    ['an unknown nested field', (p) => set(p.facts[0]!.figure!, 'currency', 'USD'), F0, /^figure has an unknown field "currency"$/],
    ['a missing required field', (p) => delete (p.facts[0] as Partial<FactPack['facts'][number]>).text, F0, /^text is missing$/],
    ['an empty string', (p) => (p.entities[0]!.description = '   '), E0, /^description must not be empty$/],
    ['a string padded with whitespace', (p) => (p.entities[0]!.aliases[0]!.text = 'Zhou Hui '), E0, /^aliases\[0\]\.text must not start or end with whitespace$/],
    ['an id that is not kebab-case', (p) => (p.roles[0]!.id = 'Role_Zhou'), 'roles[0]', /^id must be an id of lower-case letters, digits and hyphens \(got "Role_Zhou"\)$/],
    ['a lower-case country code', (p) => (p.entities[0]!.country = 'cn'), E0, /^country must be an ISO 3166-1 alpha-2 code/],
    ['a file name with a path', (p) => (p.sources[0]!.file = '../etc/passwd'), S0, /^file must be a bare file name/],
    // dates
    ['a month 13', (p) => (p.deals[0]!.date = { year: 2023, month: 13 }), D0, /^date\.month must be between 1 and 12 \(got 13\)$/],
    ['30 February', (p) => (p.deals[0]!.date = { month: 2, day: 30 }), D0, /^date\.day 30 is past the end of month 2$/],
    ['29 February of a common year', (p) => (p.sources[0]!.date = { year: 2023, month: 2, day: 29 }), S0, /^date\.day 29 is past the end of month 2 of 2023$/],
    ['a fractional year', (p) => (p.sources[0]!.date = { year: 2023.5 }), S0, /^date\.year must be a whole number/],
    ['an empty date', (p) => (p.sources[0]!.date = {}), S0, /^date must have a year, a month or a day$/],
    ['a day without a month', (p) => (p.sources[0]!.date = { day: 22 }), S0, /^date has a day but no month$/],
    // deals
    ['a deal that names nobody', (p) => ((p.deals[0]!.parties = []), (p.deals[0]!.involved = [])), D0, /^parties is empty and nobody is involved/],
    // top level
    ['another format', (p) => set(p, 'format', 'other-pack'), 'pack', /^format must be "factmark-pack" \(got "other-pack"\): this is not a Factmark pack$/],
    ['a newer format version', (p) => set(p, 'formatVersion', 2), 'pack', /^formatVersion must be 1 \(got number 2\)/],
    ['an unknown top-level field', (p) => set(p, 'extras', []), 'pack', /^has an unknown field "extras"$/],
    ['a version that is not semver-like', (p) => (p.version = 'v1'), 'pack', /^version must be a version such as "1.0.0"/],
    ['a hash that is not sha-256 hex', (p) => (p.hash = 'hash-v1'), 'pack', /^hash must be 64 lower-case hex digits/],
  ])('%s', (_, mutate, expectedRecord, message) => {
    const errors = broken(mutate);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.record).toBe(expectedRecord);
    expect(errors[0]!.message).toMatch(message);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"format":"factmark-pack"}'],
    ['a number', 42],
    ['an array', [tinyPack()]],
    ['a Date', new Date()],
    ['a Map', new Map([['format', 'factmark-pack']])],
  ])('input that is not JSON-shaped at all: %s', (_, input) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ record: 'pack', message: expect.stringMatching(/^a pack must be a JSON object \(got /) });
  });

  it.each<[string, Mutation, string, RegExp, { maxStringLength?: number } | undefined]>([
    ['a 20,001-character name', (p) => (p.entities[0]!.name = 'x'.repeat(20_001)), E0, /^name is 20001 characters long; the limit is 20000$/, undefined],
    ['a 2,000,001-character source text', (p) => (p.sources[0]!.text = `${TEXT} ${'x'.repeat(2_000_000)}`), S0, /^text is \d+ characters long; the limit is 2000000$/, undefined],
    ['a description over a lower limit', (p) => (p.entities[1]!.description = 'A chamber of commerce.'), record('entities', 1, 'org-example-chamber'), /^description is 22 characters long; the limit is 20$/, { maxStringLength: 20 }],
  ])('a gigantic string: %s', (_, mutate, expectedRecord, message, opts) => {
    const pack = tinyPack();
    mutate(pack);
    // A lower limit also hits other strings of the tiny pack: look for the one we made.
    const errors = errorsOf(pack, opts);
    expect(errors.find((e) => e.record === expectedRecord && message.test(e.message))).toBeDefined();
    if (!opts) expect(errors).toHaveLength(1);
  });

  it('reports a source text over the limit once, not again on every quote from it', () => {
    const pack = tinyPack();
    pack.sources[0]!.text = 'x'.repeat(21);
    const errors = errorsOf(pack, { maxTextLength: 20 });
    expect(errors.map((e) => e.record)).toEqual([S0]);
  });

  it('caps the number of messages for a hopeless input', () => {
    const pack = tinyPack();
    set(pack, 'entities', Array.from({ length: 2 * MAX_ERRORS }, () => ({})));
    const errors = errorsOf(pack);
    expect(errors.length).toBe(MAX_ERRORS + 1);
    expect(errors.at(-1)!.message).toMatch(/^\d+ more errors not listed$/);
  });

  it('lists every violation, in pack order, each naming its record and field', () => {
    const errors = broken((p) => {
      p.deals[0]!.quote = 'nothing like it';
      p.entities[1]!.sources = [];
      p.roles[0]!.personId = 'person-nobody';
    });
    expect(errors.map((e) => [e.record, e.field, errorTable(e)])).toEqual([
      ['entities[1] (org-example-chamber)', 'sources', 'entities'],
      [R0, 'personId', 'roles'],
      [D0, 'quote', 'deals'],
    ]);
  });
});

describe('quoteInText', () => {
  it.each<[string, string, string, boolean]>([
    ['an exact substring', 'trade is growing', TEXT, true],
    ['across a line break', '2023. The Example Chamber', TEXT, true],
    ['with extra spaces and a tab', 'exports  reached\t$5 million', TEXT, true],
    ['with surrounding whitespace', '  Acme Co.  ', TEXT, true],
    ['straight quotes for curly ones', '"trade is growing"', TEXT, false],
    ['a different letter case', 'acme co.', TEXT, false],
    ['a word that is not there', 'exports reached $6 million', TEXT, false],
    ['an empty quote', '', TEXT, false],
    ['a blank quote', ' \n ', TEXT, false],
  ])('%s', (_, quote, text, expected) => {
    expect(quoteInText(quote, text)).toBe(expected);
  });
});

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['sorts nested keys and keeps array order', { z: [{ y: 1, x: 2 }, 3], a: null }, '{"a":null,"z":[{"x":2,"y":1},3]}'],
    ['drops undefined fields as JSON does', { a: undefined, b: 'é' }, '{"b":"é"}'],
    ['writes undefined array items as null', [undefined, 1], '[null,1]'],
    ['escapes strings as JSON does', { 'k"': 'line\nbreak' }, '{"k\\"":"line\\nbreak"}'],
    // Parts already in canonical order are taken as they are (sortedCopy); the rest still sorted.
    ['keeps a sorted object and sorts what is not inside it', { a: { c: 1, d: [{ f: 1, e: 2 }] }, b: { x: 1 } }, '{"a":{"c":1,"d":[{"e":2,"f":1}]},"b":{"x":1}}'],
    ['sorts an object whose only unsorted part is deep in an array', [{ a: 1 }, { a: [{ b: 1 }, { d: 1, c: 2 }] }], '[{"a":1},{"a":[{"b":1},{"c":2,"d":1}]}]'],
    ['writes a sorted object with undefined fields as JSON does', { a: 1, b: undefined, c: [undefined] }, '{"a":1,"c":[null]}'],
  ])('%s', (_, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('writes a non-plain object as its own fields, as before, even where its parent is in order (never its toJSON)', () => {
    expect(canonicalJson({ a: new Date(0), b: 1 })).toBe('{"a":{},"b":1}');
  });

  it.each<[string, unknown]>([
    ['NaN', { a: Number.NaN }],
    ['a function', { a: () => 1 }],
    ['a cycle', (() => { const a: Record<string, unknown> = {}; a.self = a; return a; })()],
    ['a function inside sorted keys', { a: 1, b: { c: () => 1 } }],
    ['NaN inside sorted keys', { a: [1, Number.NaN] }],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe('packHash', () => {
  it('is the sha-256 hex of the canonical JSON without the hash field', async () => {
    const pack = tinyPack();
    const { hash: _ignored, ...content } = pack;
    const expected = createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
    expect(await packHash(pack)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes a pack file written by packFileText (keys in canonical order) as the pack it came from', async () => {
    const pack = tinyPack();
    const text = packFileText(pack);
    expect(text.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(text) as typeof pack;
    expect(parsed).toEqual(pack);
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(await packHash(parsed)).toBe(await packHash(pack));
  });

  it('does not depend on key order or on the hash field', async () => {
    const pack = tinyPack();
    const reordered = Object.fromEntries(Object.entries(pack).reverse());
    expect(await packHash(reordered)).toBe(await packHash({ ...pack, hash: 'b'.repeat(64) }));
  });

  it.each<[string, Mutation]>([
    ['a quote', (p) => (p.facts[0]!.quote = 'exports reached')],
    ['a figure', (p) => (p.facts[0]!.figure!.value = 5_000_001)],
    ['the version', (p) => (p.version = '1.0.1')],
    ['one byte of a source text', (p) => (p.sources[0]!.text = `${TEXT} `)],
  ])('changes with %s', async (_, mutate) => {
    const pack = tinyPack();
    mutate(pack);
    expect(await packHash(pack)).not.toBe(await packHash(tinyPack()));
  });

  it('verifyPackHash tells a compiled pack from an edited one', async () => {
    const pack = tinyPack();
    pack.hash = await packHash(pack);
    expect(await verifyPackHash(pack)).toBe(true);
    pack.entities[0]!.description = 'Edited after compiling.';
    expect(await verifyPackHash(pack)).toBe(false);
  });
});
