import { describe, expect, it } from 'vitest';
import { buildAutomaton, scanAutomaton } from '../../lib/match/automaton';
import { buildDictionary, type DictionaryEntity } from '../../lib/match/dictionary';
import { findMentions, findMentionsInText, type Rejection } from '../../lib/match/find-mentions';
import { DEFAULT_MARK_TYPES, dictionaryEntities } from '../../lib/match/from-pack';
import type { FactPack } from '../../lib/pack/types';
import bundledPack from '../../lib/pack/generated/pack.json';

const ENTITIES: DictionaryEntity[] = [
  { id: 'kh', name: 'Khalil Hashmi', type: 'person', country: 'PK', titles: ['Ambassador of Pakistan to China'], aliases: [{ text: 'Hashmi', kind: 'surname' }] },
  { id: 'hdb', name: 'Hassan Daud Butt', type: 'person', country: 'PK', titles: ['CEO'], aliases: [{ text: 'Hassan Butt', kind: 'name' }, { text: 'Butt', kind: 'surname' }, { text: 'Hassan', kind: 'given' }] },
  { id: 'ik', name: 'Imran Khan', type: 'person', country: 'PK', titles: ['Prime Minister'], cues: ['PTI', 'prime minister'], aliases: [{ text: 'Imran Khan', kind: 'name', ambiguous: true }, { text: 'Imran', kind: 'given' }] },
  { id: 'boi', name: 'Board of Investment', type: 'organisation', country: 'PK', cues: ['investment'], aliases: [{ text: 'BOI', kind: 'acronym' }] },
  { id: 'kpboit', name: 'Khyber Pakhtunkhwa Board of Investment and Trade', type: 'organisation', country: 'PK', aliases: [{ text: 'KP BOIT', kind: 'acronym', ambiguous: false }, { text: 'KP’s Board of Investment and Trade', kind: 'name' }] },
  { id: 'dea', name: 'Dynamic Engineering and Automation', type: 'organisation', country: 'PK', aliases: [{ text: 'DEA', kind: 'acronym' }] },
  { id: 'ndrc', name: 'National Development and Reform Commission', type: 'organisation', country: 'CN', cues: ['China'], aliases: [{ text: 'NDRC', kind: 'acronym' }] },
  { id: 'bri', name: 'Belt and Road Initiative', type: 'initiative', country: 'CN', cues: ['CPEC'], aliases: [{ text: 'Belt and Road', kind: 'name' }, { text: 'BRI', kind: 'acronym' }, { text: 'One Belt One Road', kind: 'name' }] },
  { id: 'sialkot', name: 'Sialkot', type: 'place', country: 'PK', aliases: [] },
  { id: 'anlong', name: 'Beijing Anlong Gene Medicine Technology Co., Ltd.', type: 'organisation', country: 'CN', aliases: [{ text: 'Anlong Gene', kind: 'short', ambiguous: false }] },
  { id: 'cn-name', name: '安龙基因', type: 'organisation', country: 'CN', aliases: [] },
];
const dict = buildDictionary(ENTITIES);

/** Marked surfaces with their entity ids, in order. */
function marks(text: string): string[] {
  return findMentionsInText(dict, text).map((m) => `${text.slice(m.start, m.end)}=${m.entityId}`);
}

describe('automaton', () => {
  it('finds every occurrence of every key in one pass, overlapping ones included', () => {
    const a = buildAutomaton(['he', 'she', 'his', 'hers']);
    const found: string[] = [];
    scanAutomaton(a, 'ushers', (s, e, k) => found.push(`${k}@${s}-${e}`));
    expect(found).toEqual(['1@1-4', '0@2-4', '3@2-6']);
  });

  it('scales to many keys with shared prefixes and suffixes', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `name ${i} corp`);
    const a = buildAutomaton(keys);
    const found: number[] = [];
    scanAutomaton(a, 'x name 42 corp, name 4999 corp.', (_s, _e, k) => found.push(k));
    expect(found).toEqual([42, 4999]);
  });
});

describe('matching', () => {
  it.each([
    ['a full name', 'Ambassador Khalil Hashmi spoke.', ['Khalil Hashmi=kh']],
    ['case-insensitive names', 'KHALIL HASHMI spoke.', ['KHALIL HASHMI=kh']],
    ['acronyms are case-sensitive', 'The Board of Investment said boi and Boi, then BOI.', ['Board of Investment=boi', 'BOI=boi']],
    ['soft hyphens inside the name', 'Khalil Ha\u00adshmi said', ['Khalil Ha\u00adshmi=kh']],
    ['possessive', 'Khalil Hashmi’s visit', ['Khalil Hashmi=kh']],
    ['possessive inside an alias', 'with KP’s Board of Investment and Trade.', ['KP’s Board of Investment and Trade=kpboit']],
    ['hyphen for space', 'Dr Hassan Daud Butt, former CEO of KP-BOIT, said', ['Hassan Daud Butt=hdb', 'KP-BOIT=kpboit']],
    ['& for and', 'under the Belt & Road Initiative', ['Belt & Road Initiative=bri']],
    ['a line break in a .txt file ends the block', 'One Belt\nOne Road', []],
    ['no match inside a longer word', 'Sialkoti goods and Sialkot goods', ['Sialkot=sialkot']],
    ['longest match wins', 'the Belt and Road Initiative and the Belt and Road', ['Belt and Road Initiative=bri', 'Belt and Road=bri']],
    ['CJK without word boundaries', '北京安龙基因医药公司', ['安龙基因=cn-name']],
    ['Unicode boundaries', 'ÜSialkot and Sialkotñ', []],
  ])('%s', (_, text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('gives offsets into the original text and the surface as written', () => {
    const text = 'By APP. Ambassador Khalil Ha\u00adshmi’s remarks.';
    const [m] = findMentionsInText(dict, text);
    expect(m).toMatchObject({ entityId: 'kh', name: 'Khalil Hashmi', type: 'person', surface: 'Khalil Ha\u00adshmi' });
    expect(text.slice(m!.start, m!.end)).toBe(m!.surface);
  });

  it('a line break inside a block (wrapped HTML source) is white space', () => {
    expect(findMentions(dict, ['the One Belt\n   One Road plan']).map((m) => m.surface)).toEqual(['One Belt\n   One Road']);
  });

  it.each([
    ['a headline’s short name refers ahead to the article’s full name', [{ text: 'Imran vows to fight on', heading: true }, 'Former prime minister Imran Khan said'], ['Imran', 'Imran Khan']],
    ['…but not in body text', ['Imran vows to fight on', 'Former prime minister Imran Khan said'], ['Imran Khan']],
    ['…nor when another person of that name comes first', [{ text: 'Imran hits a century', heading: true }, 'Imran Nazir batted. The former prime minister Imran Khan watched.'], ['Imran Khan']],
    ['a headline in title case: the capital after a short name is no other name', [{ text: 'Ambassador Hashmi Calls For Enhanced Trade Ties', heading: true }, 'Khalil Hashmi said. Hashmi added.'], ['Ambassador Hashmi', 'Khalil Hashmi', 'Hashmi']],
    ['…unless the article writes the pair so in its text', [{ text: 'Javed Hashmi Slams Govt Over Budget', heading: true }, 'Javed Hashmi said. Khalil Hashmi met him.'], ['Khalil Hashmi']],
    ['…nor a headline’s short name that refers ahead to someone else', [{ text: 'Hashmi Vows To Fight On', heading: true }, 'Javed Hashmi said. Later, Khalil Hashmi spoke.'], ['Khalil Hashmi']],
    ['…where a body’s head noun further on is not the person’s', [{ text: 'Hashmi Attends Pakistan Cultural Festival', heading: true }, 'Khalil Hashmi attended.'], ['Hashmi', 'Khalil Hashmi']],
    ['…but the next words still can be', [{ text: 'Imran Khan Sports Complex To Host Final', heading: true }, { text: 'Sialkot Traders and Manufacturers Association', heading: true }, 'PTI founder Imran Khan said.'], ['Imran Khan']],
    ['…only in headlines: a credit line in title case is names', ['Khalil Hashmi spoke.', 'Photographs By Saeed Hashmi And Ali Raza'], ['Khalil Hashmi']],
    ['…and in sentence case a capital after the name still is one', ['Khalil Hashmi spoke. Then Hashmi Zaidi said.'], ['Khalil Hashmi']],
  ])('%s', (_, blocks, expected) => {
    expect(findMentions(dict, blocks).map((m) => m.surface)).toEqual(expected);
  });

  it('reads the page across blocks: a definition in one block supports an acronym in another', () => {
    const found = findMentions(dict, ['Dynamic Engineering and Automation (DEA) signed.', 'DEA will build it.']);
    expect(found.map((m) => `${m.block}:${m.surface}`)).toEqual(['0:Dynamic Engineering and Automation', '0:DEA', '1:DEA']);
  });
});

describe('context rules', () => {
  it.each([
    // Coreference
    ['a surname after the full name', 'Khalil Hashmi arrived. Later Hashmi said.', ['Khalil Hashmi=kh', 'Hashmi=kh']],
    ['a surname takes in its title', 'Khalil Hashmi arrived. Ambassador Hashmi said.', ['Khalil Hashmi=kh', 'Ambassador Hashmi=kh']],
    ['a surname alone is not enough', 'Hashmi said the talks went well.', []],
    ['a surname inside another person’s name', 'Khalil Hashmi met Saeed Ahmed Hashmi.', ['Khalil Hashmi=kh']],
    ['another person of that surname in between', 'Khalil Hashmi met him. Then Eraj Hashmi spoke. Hashmi said.', ['Khalil Hashmi=kh']],
    ['a given name with a title', 'Hassan Daud Butt spoke. Mr. Hassan added that', ['Hassan Daud Butt=hdb', 'Mr. Hassan=hdb']],
    ['a given name inside another name', 'Hassan Daud Butt spoke. Syed Abul Hassan Gilani added', ['Hassan Daud Butt=hdb']],
    ['a given name followed by another surname', 'PTI founder Imran Khan spoke. Imran Hassan added', ['Imran Khan=ik']],
    // Other people, embedded names
    ['a role that is not the person’s', 'Constable Imran Khan was injured.', []],
    ['a name suffix', 'Imran Khan Jr scored.', []],
    ['a common full name without support on the page', 'Pacer Imran Khan’s spell won it. Imran took three wickets.', []],
    ['an appositive with someone else’s role', 'Imran Khan, a local trader, said prices rose.', []],
    ['an appositive with the person’s own role', 'Imran Khan, a former prime minister, said', ['Imran Khan=ik']],
    ['a title after a comma is not a suffix', 'Hassan Daud Butt, Senior Advisor, said', ['Hassan Daud Butt=hdb']],
    ['someone else’s full name does not introduce our person', 'Constable Imran Khan was hurt. Imran said', []],
    ['a facility named after a person', 'the Imran Khan Cricket Stadium', []],
    ['…yet it introduces the person for later short forms', 'the Imran Khan Cricket Stadium honours Imran’s career', ['Imran=ik']],
    ['a university named after a city', 'the University of Sialkot and Sialkot University', []],
    ['an airport', 'at the Sialkot International Airport', []],
    ['a chamber', 'the Sialkot Chamber of Commerce and Industry', []],
    ['a body whose name joins its words with “and”', 'at the Sialkot Business and Commerce Centre; the Sialkot Traders and Manufacturers Association', []],
    ['…but not an “and” right after ours', 'the Belt and Road and Sialkot Chamber', ['Belt and Road=bri']],
    ['a city as a modifier stays', 'prayers at Sialkot Cantt and in Sialkot.', ['Sialkot=sialkot', 'Sialkot=sialkot']],
    ['a dateline stays', 'SIALKOT, Jun 07 (APP): The minister', ['SIALKOT=sialkot']],
    ['a provincial board is not the federal one', 'the Balochistan Board of Investment (BBI) said', []],
    ['…nor with the province after it', 'officials of the Board of Investment Punjab said', []],
    ['the federal board with its country after it', 'an MoU with the Board of Investment Pakistan', ['Board of Investment=boi']],
    ['a minister for the board', 'Minister for Board of Investment Qaiser', ['Board of Investment=boi']],
    ['an acronym that begins a company’s name, even with a cue word on the page', 'In China, NDRC Motor and NDRC Pharmaceuticals grew.', []],
    ['an initiative inside an organisation named for a country', 'the Belt and Road Initiative Sri Lanka said', []],
    // Acronyms
    ['an acronym with its definition', 'the Board of Investment (BOI) and the BOI', ['Board of Investment=boi', 'BOI=boi', 'BOI=boi']],
    ['an acronym defined as something else', 'The Drug Enforcement Administration (DEA) said. DEA agents', []],
    ['a misused bracket next to a real definition', 'Board of Investment (BOI) … Foreign Direct Investment (BOI).', ['Board of Investment=boi', 'BOI=boi']],
    ['an ambiguous acronym with no support', 'DEA agents arrested him.', []],
    ['an ambiguous acronym supported by a cue word', 'CPEC is the flagship of BRI.', ['BRI=bri']],
    ['an acronym supported by the full name elsewhere', 'NDRC officials met. The National Development and Reform Commission said', ['NDRC=ndrc', 'National Development and Reform Commission=ndrc']],
  ])('%s', (_, text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('says why it rejected a candidate', () => {
    const rejected: Rejection[] = [];
    findMentionsInText(dict, 'the University of Sialkot', rejected);
    expect(rejected).toEqual([expect.objectContaining({ surface: 'Sialkot', reason: expect.stringContaining('another body') })]);
  });
});

describe('the bundled pack on text it has no context for', () => {
  // Distinctive short names stand alone; a place-like or common short form needs support.
  const dict = buildDictionary(dictionaryEntities(bundledPack as unknown as FactPack, DEFAULT_MARK_TYPES));
  const found = (text: string) => findMentionsInText(dict, text).map((m) => `${text.slice(m.start, m.end)}=${m.entityId}`);

  it('marks “Anlong Gene” and “Life Rehealth” alone, not “Anlong” or “Rehealth”', () => {
    expect(found('Anlong Gene will share its technologies with Pakistan.')).toEqual(['Anlong Gene=org-anlong-gene']);
    expect(found('Life Rehealth opened an office in Lahore.')).toEqual(['Life Rehealth=org-life-rehealth']);
    expect(found('Officials from Anlong county met farmers. Rehealth is a new word.')).toEqual([]);
  });

  it('reads a company’s short name before “county” as the place, even when the company is on the page', () => {
    expect(found('Anlong Gene signed the deal. Anlong will train staff. The Anlong County government approved it.')).toEqual(['Anlong Gene=org-anlong-gene', 'Anlong=org-anlong-gene']);
  });

  // Each entity by the ways news copy writes it; beside it, a look-alike that stays unmarked.
  it.each([
    ['the embassy', 'org-embassy-pakistan-china', ['The Pakistan Embassy Beijing said.', 'The Embassy of Pakistan in the People’s Republic of China said.', 'Pakistan’s embassy in Beijing said.', 'The Pakistani mission in Beijing said.'], 'The Embassy of Pakistan in Tokyo said.'],
    ['the Belt and Road Initiative', 'initiative-bri', ['The Belt-and-Road Initiative grew.', 'The One Belt and One Road plan grew.', 'The One Belt, One Road plan grew.', 'The Belt & Road plan grew.'], 'The Belt and Road Forum for International Cooperation opened.'],
    ['KP’s board, by its shorter and inverted forms', 'org-kp-boit', ['The KP BOI chief said.', 'The Khyber Pakhtunkhwa BOIT said.', 'The Board of Investment and Trade Khyber Pakhtunkhwa said.', 'KPBOI officials said.'], 'The Punjab BOI chief said. The Balochistan Board of Investment and Trade said.'],
  ])('knows %s', (_, entityId, texts, lookAlike) => {
    for (const text of texts) expect(found(text), text).toEqual([expect.stringMatching(new RegExp(`=${entityId}$`))]);
    expect(found(lookAlike)).toEqual([]);
  });

  it('leaves a company’s short name that only describes a common noun', () => {
    expect(found('The Biotech & Biomedicine (Shenyang) Group joined. Biotech firms welcomed it. Biotech will build a plant.')).toEqual([
      'Biotech & Biomedicine (Shenyang) Group=org-biotech-shenyang',
      'Biotech=org-biotech-shenyang',
    ]);
  });

  it('takes “General Administration of China Customs (GACC)” as the customs authority’s definition', () => {
    expect(found('The General Administration of China Customs (GACC) said. GACC added.')).toEqual([
      'General Administration of China Customs=org-gacc',
      'GACC=org-gacc',
      'GACC=org-gacc',
    ]);
  });
});
