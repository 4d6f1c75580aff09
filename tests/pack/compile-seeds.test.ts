// @vitest-environment node
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alias, Deal, Entity, Fact, FactPack, Role, SourceDoc } from '../../lib/pack/types';
import { packHash, validatePack } from '../../lib/pack/validate';
import { main, type Io } from '../../scripts/compile-seeds';

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'seeds');
const SHARED_SEEDS = resolve(ROOT, '../shared/seeds');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-seeds-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function collector(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;
let runs = 0;

/** A fresh copy of seeds/ with one file edited; returns its folder and an output path. */
async function brokenCopy(edit: (dir: string) => Promise<void>): Promise<{ dir: string; out: string }> {
  runs += 1;
  const dir = join(work, `seeds-${runs}`);
  await cp(SEEDS, dir, { recursive: true });
  await edit(dir);
  return { dir, out: join(work, `out-${runs}`, 'pack.json') };
}

async function editJson<T>(dir: string, file: string, change: (value: T) => void): Promise<void> {
  const path = join(dir, file);
  const value = await readJson<T>(path);
  change(value);
  await writeFile(path, JSON.stringify(value, null, 2));
}

describe('compiling the real seeds', () => {
  let pack: FactPack;
  let io: ReturnType<typeof collector>;

  beforeAll(async () => {
    io = collector();
    const out = join(work, 'real', 'pack.json');
    expect(await main(['--out', out], io)).toBe(0);
    pack = await readJson<FactPack>(out);
  });

  it('succeeds with a one-line summary and no errors', () => {
    expect(io.err).toEqual([]);
    expect(io.out).toHaveLength(1);
    expect(io.out[0]).toMatch(/^factmark-seeds 1\.0\.0: 5 sources, \d+ entities, \d+ roles, \d+ facts, \d+ deals; hash [0-9a-f]{12} → /);
  });

  it('writes a pack that validates and carries the hash of its content', async () => {
    expect(validatePack(pack).ok).toBe(true);
    expect(pack.hash).toBe(await packHash(pack));
    expect(io.out[0]).toContain(pack.hash.slice(0, 12));
  });

  it('puts every source text in byte for byte', async () => {
    for (const source of pack.sources) {
      const bytes = await readFile(join(SEEDS, source.file!));
      expect(Buffer.from(source.text, 'utf8').equals(bytes), source.file).toBe(true);
    }
  });

  it('is deterministic: a second run gives the same hash', async () => {
    const again = collector();
    const out = join(work, 'again', 'pack.json');
    expect(await main(['--out', out], again)).toBe(0);
    expect((await readJson<FactPack>(out)).hash).toBe(pack.hash);
  });
});

describe('compiling a broken copy of the seeds', () => {
  type Case = [string, (dir: string) => Promise<void>, RegExp];
  it.each<Case>([
    ['a quote not in its document', (d) => editJson<Fact[]>(d, 'facts.json', (f) => (f[0]!.quote = 'Pakistan will never work with China')), /facts\.json: facts\[0\] \(fact-[a-z0-9-]+\): quote not found in source src-000-inp-2025-01-20: "Pakistan will never work with China"$/],
    ['a dangling reference', (d) => editJson<Role[]>(d, 'roles.json', (r) => (r[2]!.personId = 'person-nobody')), /roles\.json: roles\[2\] \(role-[a-z0-9-]+\): personId refers to entity "person-nobody", which is not in the pack$/],
    ['a duplicate id', (d) => editJson<Entity[]>(d, 'entities.json', (e) => (e[1]!.id = e[0]!.id)), /entities\.json: entities\[1\] \(person-khalil-hashmi\): id "person-khalil-hashmi" is used twice in entities \(first by entities\[0\]\)$/],
    ['an unsourced entity', (d) => editJson<Entity[]>(d, 'entities.json', (e) => (e[2]!.sources = [])), /entities\.json: entities\[2\] \([a-z0-9-]+\): sources is empty: every entity needs at least one source/],
    ['a wrong enum', (d) => editJson<Deal[]>(d, 'deals.json', (x) => Object.assign(x[0]!, { status: 'done' })), /deals\.json: deals\[0\] \(deal-[a-z0-9-]+\): status must be one of "signed", "planned", "proposed", "held" \(got "done"\)$/],
    ['a wrong type', (d) => editJson<Fact[]>(d, 'facts.json', (f) => Object.assign(f[1]!, { entityIds: 'person-khalil-hashmi' })), /facts\.json: facts\[1\] \(fact-[a-z0-9-]+\): entityIds must be an array \(got "person-khalil-hashmi"\)$/],
    ['a gigantic string', (d) => editJson<Entity[]>(d, 'entities.json', (e) => (e[0]!.description = 'x'.repeat(20_001))), /entities\.json: entities\[0\] \(person-khalil-hashmi\): description is 20001 characters long; the limit is 20000$/],
    ['a table that is not JSON', (d) => writeFile(join(d, 'deals.json'), '[{"id": "deal-x",'), /deals\.json: not valid JSON: /],
    ['a table that is not an array', (d) => writeFile(join(d, 'roles.json'), '{"roles": []}'), /roles\.json: roles: roles must be an array \(got an object\)$/],
    ['a source text pasted into sources.json', (d) => editJson<SourceDoc[]>(d, 'sources.json', (s) => (s[1]!.text = 'pasted')), /sources\.json: sources\[1\] \(src-001-app-sep-22\): text must not be in sources\.json/],
    ['a missing document', (d) => rm(join(d, '003_dc68eedc9974cd51.txt')), /sources\.json: sources\[3\] \(src-003-sialkot-innovation-summit\): cannot read 003_dc68eedc9974cd51\.txt/],
    ['a document no source lists', (d) => writeFile(join(d, '005_extra.txt'), 'An extra text.'), /005_extra\.txt: no source in sources\.json refers to this document$/],
    ['a table inside pack.json', (d) => editJson<Record<string, unknown>>(d, 'pack.json', (p) => (p.entities = [])), /pack\.json: pack: "entities" does not belong in pack\.json/],
    ['another format in pack.json', (d) => editJson<Record<string, unknown>>(d, 'pack.json', (p) => (p.format = 'other')), /pack\.json: pack: format must be "factmark-pack" \(got "other"\)/],
  ])('fails on %s, naming the file and the record', async (_, edit, line) => {
    const { dir, out } = await brokenCopy(edit);
    const io = collector();
    expect(await main(['--seeds', dir, '--out', out], io)).toBe(1);
    expect(io.err.some((l) => line.test(l)), io.err.join('\n')).toBe(true);
    expect(io.err.at(-1)).toMatch(/^compile-seeds: \d+ problems?; nothing written$/);
    expect(io.out).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('prints every violation, one per line', async () => {
    const { dir, out } = await brokenCopy(async (d) => {
      await editJson<Fact[]>(d, 'facts.json', (f) => (f[0]!.quote = 'not in the text'));
      await editJson<Entity[]>(d, 'entities.json', (e) => (e[0]!.sources = []));
      await editJson<Deal[]>(d, 'deals.json', (x) => (x[0]!.parties = ['org-nobody']));
    });
    const io = collector();
    expect(await main(['--seeds', dir, '--out', out], io)).toBe(1);
    expect(io.err).toHaveLength(4);
    expect(io.err[0]).toMatch(/entities\.json: entities\[0\]/);
    expect(io.err[1]).toMatch(/facts\.json: facts\[0\]/);
    expect(io.err[2]).toMatch(/deals\.json: deals\[0\]/);
  });

  it('refuses unknown arguments with exit code 2', async () => {
    const io = collector();
    expect(await main(['--seed', 'x'], io)).toBe(2);
    expect(io.err[0]).toMatch(/^usage: compile-seeds/);
  });
});

describe('the seed documents', () => {
  it('are byte-identical to the shared originals', async (ctx) => {
    if (!existsSync(SHARED_SEEDS)) ctx.skip(`${SHARED_SEEDS} is absent: cannot compare seeds/*.txt with the originals`);
    const ours = (await readdir(SEEDS)).filter((n) => n.endsWith('.txt')).sort();
    const theirs = (await readdir(SHARED_SEEDS)).filter((n) => n.endsWith('.txt')).sort();
    expect(ours).toEqual(theirs);
    for (const name of ours) {
      const same = (await readFile(join(SEEDS, name))).equals(await readFile(join(SHARED_SEEDS, name)));
      expect(same, `${name} differs from ${SHARED_SEEDS}/${name}`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------
// The curated data itself

const seeds = {
  sources: await readJson<SourceDoc[]>(join(SEEDS, 'sources.json')),
  entities: await readJson<Entity[]>(join(SEEDS, 'entities.json')),
  roles: await readJson<Role[]>(join(SEEDS, 'roles.json')),
  facts: await readJson<Fact[]>(join(SEEDS, 'facts.json')),
  deals: await readJson<Deal[]>(join(SEEDS, 'deals.json')),
};
const texts = new Map(await Promise.all(seeds.sources.map(async (s) => [s.id, await readFile(join(SEEDS, s.file!), 'utf8')] as const)));
const entity = (id: string) => seeds.entities.find((e) => e.id === id);

/** Loose folding for these checks only (the matcher has its own): case, quotes, whitespace. */
const fold = (s: string) => s.replace(/[‘’]/g, "'").replace(/\s+/g, ' ').toLowerCase();
const mentions = (text: string, alias: Alias) =>
  alias.caseSensitive ?? alias.kind === 'acronym' ? new RegExp(`\\b${alias.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text) : fold(text).includes(fold(alias.text));

describe('the curated seeds', () => {
  it('carry a source on every entity, role, fact, deal and citation', () => {
    for (const e of seeds.entities) expect(e.sources.length, e.id).toBeGreaterThan(0);
    for (const r of [...seeds.roles, ...seeds.facts, ...seeds.deals, ...seeds.deals.flatMap((d) => d.citations ?? [])]) {
      expect(texts.has(r.sourceId), JSON.stringify(r).slice(0, 80)).toBe(true);
      expect(r.quote.trim().length).toBeGreaterThan(0);
    }
  });

  it('list, for every entity, exactly the sources that name it', () => {
    for (const e of seeds.entities) {
      const named = [...texts].filter(([, text]) => [{ text: e.name, kind: 'name' as const }, ...e.aliases].some((a) => mentions(text, a))).map(([id]) => id);
      // Every listed source names the entity; every source that names it unambiguously is listed.
      for (const id of e.sources) expect(named, `${e.id} is not named in ${id}`).toContain(id);
      const unambiguous = [...texts].filter(([, text]) => e.aliases.some((a) => a.kind === 'name' && !a.ambiguous && mentions(text, a))).map(([id]) => id);
      for (const id of unambiguous) expect(e.sources, `${e.id} is named in ${id}`).toContain(id);
    }
  });

  it('keep each entity’s name among its aliases and never alias “my country”', () => {
    for (const e of seeds.entities) {
      expect(e.aliases.map((a) => a.text), e.id).toContain(e.name);
      expect(e.aliases.some((a) => /my country/i.test(a.text)), e.id).toBe(false);
    }
  });

  it('mark every bare surname and given name case-sensitive and ambiguous', () => {
    for (const a of seeds.entities.flatMap((e) => e.aliases).filter((x) => x.kind === 'surname' || x.kind === 'given')) {
      expect(a, a.text).toMatchObject({ caseSensitive: true, ambiguous: true });
    }
  });

  it('give every person with a role at an organisation that organisation in memberOf', () => {
    for (const r of seeds.roles.filter((x) => x.orgId)) expect(entity(r.personId)?.memberOf, r.id).toContain(r.orgId);
  });

  it.each<[string, string, Alias['kind'], boolean | undefined]>([
    // A common name: the short variant needs the full name or a related body on the page.
    ['person-hassan-daud-butt', 'Hassan Butt', 'name', true],
    ['person-hassan-daud-butt', 'Hassan', 'given', true],
    ['person-imran-khan', 'Imran', 'given', true],
    ['person-khalil-hashmi', 'Hashmi', 'surname', true],
    ['org-life-rehealth', 'Pakistan Life Rehealth Technology Co., Ltd.', 'name', undefined],
    ['org-life-rehealth', 'Life Rehealth Technology Pakistan Co., Ltd.', 'name', undefined],
    ['org-biotech-shenyang', 'Shenyong Biotech', 'short', true],
    ['org-biotech-shenyang', 'Biotech', 'short', true],
    ['org-embassy-pakistan-china', 'Pakistani Embassy and Consulates in China', 'name', undefined],
    ['org-embassy-pakistan-china', 'Pakistan’s Embassy in China', 'name', undefined],
    ['org-kp-boit', 'KP BOIT', 'acronym', undefined],
    ['org-boi', 'BOI', 'acronym', true],
    ['org-dea', 'DEA', 'acronym', true],
    ['initiative-bri', 'BRI', 'acronym', true],
    ['initiative-bri', 'One Belt One Road', 'name', undefined],
    ['org-ndrc', 'NDRC', 'acronym', true],
    ['org-gacc', 'General Administration of Customs of China', 'name', undefined],
    ['outlet-app', 'APP', 'acronym', true],
    ['outlet-inp', 'INP', 'acronym', true],
  ])('give %s the alias “%s” (%s)', (id, text, kind, ambiguous) => {
    const alias = entity(id)?.aliases.find((a) => a.text === text);
    expect(alias?.kind).toBe(kind);
    expect(alias?.ambiguous).toBe(ambiguous);
  });

  it.each<[string, number, string, string | undefined, string | undefined]>([
    ['fact-pk-surgical-industry-value', 600_000_000, 'USD', 'over', undefined],
    ['fact-pk-surgical-industry-growth', 8, 'percent', 'more than', 'next five years'],
    ['fact-pk-operational-units', 3_900, 'units', undefined, 'currently'],
    ['fact-pk-instrument-range', 25_000, 'instruments', 'over', undefined],
    ['fact-pk-exports-2023', 450_000_000, 'USD', undefined, '2023'],
    ['fact-china-medical-device-imports-jan-may-2023', 39_090_000_000, 'CNY', undefined, 'January to May 2023'],
    ['fact-china-medical-exports-jan-may-2023', 40_300_000_000, 'CNY', undefined, 'January to May 2023'],
    ['fact-dea-20-years', 20, 'years', undefined, 'the last 20 years'],
  ])('record the figure of %s', (id, value, unit, qualifier, period) => {
    const figure = seeds.facts.find((f) => f.id === id)?.figure;
    expect(figure).toMatchObject({ value, unit });
    expect(figure?.qualifier).toBe(qualifier);
    expect(figure?.period).toBe(period);
  });

  it.each<[string, SourceDoc['date']]>([
    ['src-000-inp-2025-01-20', { year: 2025, month: 1, day: 20 }],
    ['src-001-app-sep-22', { month: 9, day: 22 }],
    ['src-002-people-daily-2023-08-19', { year: 2023, month: 8, day: 19 }],
    ['src-003-sialkot-innovation-summit', undefined],
    ['src-004-gene-cell-centre', undefined],
  ])('date %s only as far as its text tells', (id, date) => {
    const source = seeds.sources.find((s) => s.id === id)!;
    expect(source.date).toEqual(date);
    if (source.dateText) expect(texts.get(id)).toContain(source.dateText);
  });
});
