/**
 * A big, realistic-looking fact pack for measuring search: people with given names and
 * surnames (some shared, some transliterated two ways), organisations with acronyms,
 * roles, one or two facts per entity with figures, deals and source documents.
 * Deterministic (a seeded generator), so two runs measure the same pack.
 */
import type { Deal, Entity, Fact, FactPack, Role, SourceDoc } from '../../lib/pack/types';

const GIVEN = ['Khalil', 'Ahmed', 'Ahmad', 'Fareena', 'Imran', 'Owais', 'Hassan', 'Badar', 'Zhou', 'Wei', 'Huang', 'Yang', 'Li', 'Yin', 'Peter', 'Maria', 'José', 'Zoë', 'Amir', 'Sana', 'Bilal', 'Ayesha', 'Chen', 'Liu', 'Zhang', 'Wang', 'Omar', 'Nadia', 'Tariq', 'Hina', 'Farhan', 'Mei', 'Jun', 'Xiu', 'Rahim', 'Saima', 'Usman', 'Zainab', 'Kamran', 'Lina'];
const SURNAMES = ['Hashmi', 'Waqas', 'Mazhar', 'Khan', 'Mir', 'Butt', 'Zaman', 'Hui', 'Yujun', 'Yuqing', 'Jianlong', 'Junyuan', 'Xiushan', 'Qureshi', 'Siddiqui', 'Malik', 'Chaudhry', 'Raza', 'Sheikh', 'Abbasi', 'Gillani', 'Durrani', 'Baig', 'Niazi', 'Mahmood', 'Rehman', 'Iqbal', 'Farooq', 'Ansari', 'Zhao', 'Sun', 'Zhou', 'Wu', 'Xu', 'Gao', 'Lin', 'He', 'Guo', 'Ma', 'Luo'];
const ORG_WORDS = ['Medical', 'Surgical', 'Gene', 'Cell', 'Health', 'Technology', 'Industrial', 'Trade', 'Investment', 'Pharma', 'Biotech', 'Precision', 'Energy', 'Textile', 'Logistics', 'Digital', 'Green', 'Agro', 'Marine', 'Steel'];
const ORG_KINDS = ['Group', 'Co., Ltd.', 'Association', 'Board', 'Chamber of Commerce', 'Institute', 'Hospital', 'Centre', 'Authority', 'Council'];
const PLACES = ['Beijing', 'Islamabad', 'Lahore', 'Karachi', 'Shenyang', 'Sialkot', 'Peshawar', 'Shanghai', 'Gwadar', 'Urumqi', 'Quetta', 'Multan', 'Shenzhen', 'Wuhan', 'Faisalabad'];
const TITLES = ['Ambassador', 'Chief Executive Officer', 'General Manager', 'Chairman', 'Director', 'Minister', 'Secretary General', 'President', 'Vice President', 'Consul General'];

/** Mulberry32: small, fast, good enough to shuffle names. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  entities: number;
  sources?: number;
  seed?: number;
}

export function syntheticPack({ entities: count, sources: sourceCount = Math.max(5, Math.round(count / 50)), seed = 7 }: SyntheticOptions): FactPack {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sources: SourceDoc[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const words = Array.from({ length: 300 }, () => (rand() < 0.2 ? pick(PLACES) : rand() < 0.3 ? pick(ORG_WORDS).toLowerCase() : pick(['the', 'said', 'and', 'of', 'cooperation', 'between', 'companies', 'agreement', 'exports', 'million', 'sector', 'growth', 'meeting', 'industry'])));
    sources.push({ id: `src-${i}`, title: `${pick(ORG_WORDS)} ${pick(['ties', 'exports', 'cooperation', 'summit'])} in ${pick(PLACES)} ${i}`, outlet: pick(['APP', 'INP', 'People Daily']), dateText: `Sep ${1 + (i % 28)}`, language: 'en', text: words.join(' ') + '.' });
  }
  const entities: Entity[] = [];
  const roles: Role[] = [];
  const facts: Fact[] = [];
  const deals: Deal[] = [];
  for (let i = 0; i < count; i++) {
    const sourceId = `src-${i % sourceCount}`;
    if (i % 3 === 2) {
      const words = [pick(PLACES), pick(ORG_WORDS), pick(ORG_WORDS), pick(ORG_KINDS)];
      const name = `${words.join(' ')} ${i}`;
      const acronym = words.map((w) => w[0]).join('').toUpperCase() + (i % 1000);
      entities.push({ id: `org-${i}`, type: 'organisation', name, description: `An organisation in ${words[0]} working on ${words[1]!.toLowerCase()} trade.`, aliases: [{ text: name, kind: 'name' }, { text: acronym, kind: 'acronym' }, { text: `${words[1]} ${words[2]} ${words[3]}`, kind: 'short' }], sources: [sourceId] });
    } else {
      const given = pick(GIVEN);
      const surname = pick(SURNAMES);
      const name = `${given} ${surname}`;
      entities.push({ id: `person-${i}`, type: 'person', name, description: `${name} spoke about cooperation in ${pick(PLACES)}.`, aliases: [{ text: name, kind: 'name' }, { text: `${surname} ${given}`, kind: 'name' }, { text: surname, kind: 'surname' }], sources: [sourceId] });
      if (i % 2 === 0) roles.push({ id: `role-${i}`, personId: `person-${i}`, title: pick(TITLES), orgId: `org-${i - (i % 3) + 2}`, sourceId, quote: name });
    }
    const id = entities[i]!.id;
    facts.push({ id: `fact-${i}`, entityIds: [id], text: `${entities[i]!.name} said exports reached ${(i % 900) + 10} million dollars in ${2015 + (i % 10)}.`, sourceId, quote: 'exports', figure: { value: ((i % 900) + 10) * 1e6, unit: 'USD', measure: 'exports', period: String(2015 + (i % 10)) } });
    if (i % 10 === 0 && i > 0) deals.push({ id: `deal-${i}`, title: `${pick(ORG_WORDS)} ${pick(['agreement', 'joint venture', 'laboratory', 'park'])} ${i}`, kind: 'agreement', status: 'signed', parties: [id, entities[i - 1]!.id], summary: `A ${pick(ORG_WORDS).toLowerCase()} agreement signed in ${pick(PLACES)}.`, sourceId, quote: 'agreement' });
  }
  return { format: 'factmark-pack', formatVersion: 1, id: `synthetic-${count}`, name: `Synthetic ${count}`, version: '1.0.0', hash: `synthetic-${count}-${seed}`, sources, entities, roles, facts, deals };
}

/** What someone types: each prefix of a few names, some with a typo, some acronyms. */
export function typedQueries(pack: FactPack, samples = 40, seed = 11): string[] {
  const rand = random(seed);
  const queries: string[] = [];
  for (let n = 0; n < samples; n++) {
    const entity = pack.entities[Math.floor(rand() * pack.entities.length)]!;
    let target = entity.name;
    if (n % 4 === 1) target = target.replace(/[aeiou](?=[a-z]*$)/, 'y'); // a typo in the last word
    if (n % 4 === 2) target = entity.aliases[1]?.text ?? target;
    for (let i = 1; i <= Math.min(target.length, 24); i++) queries.push(target.slice(0, i));
  }
  return queries;
}
