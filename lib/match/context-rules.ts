/**
 * Step 2 of matching: which candidates are really the entity. Precision first: a wrong
 * mark costs the reader's trust more than a missed one. The rules read only what the
 * page itself says:
 *
 * - Embedded names: a name inside the proper name of another body is that body
 *   ("University of Sialkot", "Sialkot International Airport", "Imran Khan Cricket
 *   Stadium", "Balochistan Board of Investment", "Belt and Road Initiative Sri Lanka").
 * - Other people: a title that is not the person's ("constable Imran Khan"), or a name
 *   suffix ("Imran Khan Jr").
 * - Coreference: a bare surname or given name is the entity only after its full name
 *   introduced it, when no other person of that name came in between, and when it is
 *   not itself part of another full name ("Saeed Ahmed Hashmi", "Mir Sarfraz Bugti").
 * - Ambiguous acronyms and short forms need support: the full name on the page, a
 *   definition "Full Name (ACR)", or the entity's cue words; a definition of the same
 *   letters as something else ("Drug Enforcement Administration (DEA)") rules them out.
 */
import type { Dictionary, AliasSense } from './dictionary';
import type { Candidate } from './find-candidates';
import { BODY_HEADS, CONFLICTING_ROLES, COUNTRIES, DESCRIBED_NOUNS, NAME_CONNECTORS, NAME_SUFFIXES, PLACE_NOUNS, PROVINCES, REGIONS, SENTENCE_STARTERS, TITLE_CASE_SMALL, TITLES } from './lexicon';
import type { Folded } from './normalize';
import { isCapitalised, wordsAfter, wordsBefore, type Word } from './words';

export interface Decision {
  candidate: Candidate;
  /** The sense chosen, or undefined when the candidate was rejected. */
  sense?: AliasSense;
  /** Where the mention starts when it takes in a title ("Ambassador Hashmi"), in folded text. */
  start?: number;
  /** Why it was rejected (for debugging and tests). */
  reason?: string;
}

const lowerOf = (w: Word | undefined) => (w ? w.text.toLowerCase() : '');
/** A title or suffix that makes the name someone else's ("constable Imran Khan", "Imran Khan Jr"). */
const ROLE_CONFLICT = 'a role or suffix that is not this person’s';
const UNSUPPORTED_NAME = 'ambiguous name without support on the page';

/** Words after the name, capitalised and run together, reach a body's head noun. */
function embeddedAfter(text: string, c: Candidate, ownCountry: string | undefined, kind: string, reach = 4): boolean {
  const after = wordsAfter(text, c.end, reach);
  if (after.length === 0 || after[0]!.gap !== '') return false;
  for (const w of after) {
    if (w.gap !== '') break;
    const lw = w.text.toLowerCase();
    // "Sialkot Traders and Manufacturers Association": a body's name may join its words
    // with "and", "of" or "for" (never right after ours: "Belt and Road Initiative and China…").
    if (w !== after[0] && NAME_CONNECTORS.has(w.text)) continue;
    if (!isCapitalised(w.text)) break;
    if (BODY_HEADS.has(lw)) return true;
    // "Belt and Road Initiative Sri Lanka": a body's name followed by a foreign country.
    const country = COUNTRIES.get(lw);
    if (kind !== 'person' && country !== undefined && country !== ownCountry && w === after[0]) return true;
    if (kind === 'organisation' && w === after[0] && PROVINCES.has(lw)) return true;
  }
  return false;
}

/** "University of Sialkot", "Punjab Board of Investment" (a region's own body). */
function embeddedBefore(text: string, original: string, folded: Folded, c: Candidate, type: string, ownCountry: string | undefined): boolean {
  const before = wordsBefore(text, c.start, 3);
  const w0 = before[0];
  if (!w0 || w0.gap !== '') return false;
  const l0 = lowerOf(w0);
  if ((l0 === 'of' || l0 === 'for') && before[1] && before[1].gap === '' && isCapitalised(before[1].text) && BODY_HEADS.has(lowerOf(before[1]))) {
    // "Minister for Board of Investment" is the minister of that board: titles are not bodies.
    return !TITLES.has(lowerOf(before[1]));
  }
  // "GC University Sialkot", "Punjab University Lahore": a body's head noun right before the name.
  if (isCapitalised(w0.text) && BODY_HEADS.has(l0) && !TITLES.has(l0) && !possessive(original, folded, w0)) return true;
  if (type === 'organisation' && isCapitalised(w0.text) && !possessive(original, folded, w0)) {
    if (REGIONS.has(l0)) return true;
    const country = COUNTRIES.get(l0);
    if (country !== undefined && ownCountry !== undefined && country !== ownCountry) return true;
  }
  return false;
}

/** The original text has "’s" right after this word (folding removed it). */
function possessive(original: string, folded: Folded, w: Word): boolean {
  const end = folded.origEnd[w.end - 1];
  if (end === undefined) return false;
  return /^['\u2018\u2019\u02bc\u00b4`]\s*[sS]\b/.test(original.slice(end, end + 4)) || /^['\u2019]/.test(original.slice(end, end + 1));
}

/** A capitalised word just before: part of another person's name, unless a title or a sentence's first word. */
function nameWordBefore(text: string, c: Candidate): boolean {
  const before = wordsBefore(text, c.start, 2);
  const w = before[0];
  if (!w || w.gap !== '' || !isCapitalised(w.text)) return false;
  const l = lowerOf(w);
  if (TITLES.has(l)) return false;
  if (SENTENCE_STARTERS.has(l)) return false;
  return true;
}

function nameWordAfter(text: string, c: Candidate): boolean {
  const after = wordsAfter(text, c.end, 1);
  const w = after[0];
  if (!w || w.gap !== '' || !isCapitalised(w.text)) return false;
  return !SENTENCE_STARTERS.has(lowerOf(w)) && !TITLES.has(lowerOf(w));
}

/**
 * "Saeed Ahmed Hashmi", "Mir Sarfraz Bugti", "Li Qiang": the token is part of another full
 * name. In a headline set in title case ("Hashmi Calls For Enhanced Trade Ties") every
 * word is capitalised, so a capital next to the token says nothing: there it is another
 * name only if the page writes the two words so elsewhere ("Javed Hashmi said"). Only in
 * headlines: a credit line or a list in body text is in title case because it is names
 * ("Written by Graham Bowley, Interviews by Tamara Best").
 */
function partOfOtherName(blocks: readonly Block[], b: Block, c: Candidate): boolean {
  const text = b.folded.cased;
  if (!nameWordBefore(text, c) && !nameWordAfter(text, c)) return false;
  return !titleCaseHeadline(b) || pairElsewhere(blocks, text, c);
}

/**
 * How many words after a name may still be a body's name. In a title-case headline a run
 * of capitals after a person is mostly the sentence ("Hashmi Attends Pakistan Cultural
 * Festival"), so only two ("Imran Khan Sports Complex"). Places and bodies keep four: a
 * headline in title case may just as well name a body in full ("Sialkot Traders and
 * Manufacturers Association Meets Minister").
 */
function afterReach(b: Block, type: string): number {
  return type === 'person' && titleCaseHeadline(b) ? 2 : 4;
}

const titleCaseCache = new WeakMap<Block, boolean>();
/** A headline in title case: every word capitalised but the small ones. */
function titleCaseHeadline(b: Block): boolean {
  if (b.heading !== true) return false;
  let hit = titleCaseCache.get(b);
  if (hit === undefined) {
    hit = isTitleCase(b.folded.cased);
    titleCaseCache.set(b, hit);
  }
  return hit;
}

/** Word by word, stopping at the first lower-case word that is not a small one (most lines are not in title case). */
function isTitleCase(text: string): boolean {
  let words = 0;
  const word = /[\p{L}\p{N}\p{M}]+/gu;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const w = m[0];
    if (!/^\p{L}/u.test(w)) continue;
    if (!isCapitalised(w) && !TITLE_CASE_SMALL.has(w)) return false;
    words++;
  }
  return words >= 3;
}

/** The capitalised words right before and after the candidate, with nothing but spaces between. */
function capitalNeighbours(text: string, c: Candidate): { before?: string; after?: string } {
  const capital = (w: Word | undefined) => (w && w.gap === '' && isCapitalised(w.text) ? w.text : undefined);
  return { before: capital(wordsBefore(text, c.start, 1)[0]), after: capital(wordsAfter(text, c.end, 1)[0]) };
}

/** The token and a capitalised neighbour ("Javed Hashmi") stand so outside the page's title-case headlines. */
function pairElsewhere(blocks: readonly Block[], text: string, c: Candidate): boolean {
  const seen = neighboursOf(blocks).get(text.slice(c.start, c.end));
  if (!seen) return false;
  const { before, after } = capitalNeighbours(text, c);
  return (before !== undefined && seen.before.has(before)) || (after !== undefined && seen.after.has(after));
}

/** The candidate can be a surname or given name. */
const namesPerson = (c: Candidate) => c.senses.some((s) => s.kind === 'surname' || s.kind === 'given');

interface Neighbours {
  before: Set<string>;
  after: Set<string>;
}
const neighboursCache = new WeakMap<readonly Block[], Map<string, Neighbours>>();
/**
 * For each surname or given name as the page writes it, the capitalised words right
 * before and after it outside title-case headlines ("Javed" for "Hashmi"): read from the
 * candidates, once per page and only when such a headline needs it.
 */
function neighboursOf(blocks: readonly Block[]): Map<string, Neighbours> {
  let map = neighboursCache.get(blocks);
  if (map) return map;
  map = new Map();
  for (const b of blocks) {
    if (titleCaseHeadline(b)) continue;
    const text = b.folded.cased;
    for (const c of b.candidates) {
      if (!namesPerson(c)) continue;
      const token = text.slice(c.start, c.end);
      let n = map.get(token);
      if (!n) map.set(token, (n = { before: new Set(), after: new Set() }));
      const { before, after } = capitalNeighbours(text, c);
      if (before !== undefined) n.before.add(before);
      if (after !== undefined) n.after.add(after);
    }
  }
  neighboursCache.set(blocks, map);
  return map;
}

/** "Anlong county", "Biotech firms": the short name only describes the common noun after it. */
function describesNoun(text: string, c: Candidate): boolean {
  const w = wordsAfter(text, c.end, 1)[0];
  if (w === undefined || w.gap !== '') return false;
  const l = lowerOf(w);
  return PLACE_NOUNS.has(l) || (w.text === l && DESCRIBED_NOUNS.has(l));
}

/** "Imran Khan Jr", but not "Hassan Daud Butt, Senior Advisor". */
function nameSuffix(text: string, c: Candidate): boolean {
  const w = wordsAfter(text, c.end, 1)[0];
  return w !== undefined && w.gap === '' && NAME_SUFFIXES.has(lowerOf(w));
}

/** "constable Imran Khan", or the appositive "Badar Zaman, a local trader": someone else's role. */
function conflictingRole(text: string, c: Candidate, titles: readonly string[] | undefined): boolean {
  const own = (role: string) => (titles ?? []).some((t) => t.toLowerCase().split(/\s+/).includes(role));
  const w = wordsBefore(text, c.start, 1)[0];
  if (w && w.gap === '' && CONFLICTING_ROLES.has(lowerOf(w)) && !own(lowerOf(w))) return true;
  const after = wordsAfter(text, c.end, 4);
  if (after[0]?.gap !== ',' || !['a', 'an'].includes(lowerOf(after[0]))) return false;
  // "a local trader", "a 25-year-old student": the role noun within the next few words.
  return after.slice(1).some((x) => CONFLICTING_ROLES.has(lowerOf(x)) && !own(lowerOf(x)));
}

/** "(ACR)": the acronym stands in brackets; returns the candidate it defines, if any. */
function bracketed(text: string, c: Candidate): boolean {
  let i = c.start - 1;
  while (i >= 0 && text[i] === ' ') i--;
  let j = c.end;
  while (j < text.length && text[j] === ' ') j++;
  return text[i] === '(' && text[j] === ')';
}

/** `prev` ends right before the bracket that holds `c`: "Board of Investment (BOI)". */
function adjacentBefore(text: string, prev: Candidate, c: Candidate): boolean {
  return /^\s*\(\s*$/.test(text.slice(prev.end, c.start));
}

interface Block {
  folded: Folded;
  original: string;
  candidates: Candidate[];
  /** A headline: its short names may refer ahead to the full name in the article. */
  heading?: boolean;
}

/** A short form takes in the title before it, as a reader reads it: "Ambassador Hashmi", "Dr. Butt". */
function titleStart(text: string, c: Candidate): number | undefined {
  const w = wordsBefore(text, c.start, 1)[0];
  if (!w || (w.gap !== '' && w.gap !== '.') || !isCapitalised(w.text) || !TITLES.has(lowerOf(w))) return undefined;
  return w.start;
}

/**
 * Who each person token (surname, given name) first refers to on the page: the first full
 * name that carries it, or -1 when another person of that name comes first. Lets a
 * headline's "Imran" refer ahead to the article's "Imran Khan".
 */
function firstReferents(dict: Dictionary, blocks: readonly Block[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const b of blocks) {
    for (const c of b.candidates) {
      for (const s of c.senses) {
        if (s.kind === 'name' && dict.entities[s.entity]!.type === 'person') {
          for (const token of dict.personTokens[s.entity] ?? []) if (!first.has(token)) first.set(token, s.entity);
        } else if ((s.kind === 'surname' || s.kind === 'given') && partOfOtherName(blocks, b, c)) {
          const key = dict.patterns[c.pattern]!.key;
          if (!first.has(key)) first.set(key, -1);
        }
      }
    }
  }
  return first;
}

export function decide(dict: Dictionary, blocks: readonly Block[]): Decision[][] {
  const nEntities = dict.entities.length;
  // Page-level evidence.
  // An entity is on the page when an alias that needs no support names it there (a full
  // name, an acronym or a distinctive short name such as "Anlong Gene"; never a lone surname).
  const fullNameSeen = new Uint8Array(nEntities);
  const definedAsOurs = new Map<string, Set<number>>();
  const definedAsOther = new Set<string>();
  for (const b of blocks) {
    const text = b.folded.cased;
    b.candidates.forEach((c, k) => {
      for (const s of c.senses) if (s.kind !== 'surname' && s.kind !== 'given' && !s.ambiguous) fullNameSeen[s.entity] = 1;
      if (!c.senses.some((s) => s.kind === 'acronym') || !bracketed(text, c)) return;
      const prev = b.candidates[k - 1];
      const key = dict.patterns[c.pattern]!.key;
      const open = text.lastIndexOf('(', c.start);
      const adjacent = prev !== undefined && adjacentBefore(text, prev, c);
      const ours = adjacent ? c.senses.filter((s) => prev.senses.some((p) => p.entity === s.entity && p.kind !== 'acronym')) : [];
      if (ours.length > 0) {
        const set = definedAsOurs.get(key) ?? new Set<number>();
        for (const s of ours) set.add(s.entity);
        definedAsOurs.set(key, set);
      } else if (wordsBefore(text, open, 1)[0] && isCapitalised(wordsBefore(text, open, 1)[0]!.text)) {
        definedAsOther.add(key);
      }
    });
  }
  // The page's words, read once and only if some cue is looked for: looking each cue up
  // in the whole page text cost a pass over the page per entity (seconds with a large
  // pack on a long page). A cue is on the page when all its words are, and then as a
  // whole (wordIn) in a block that has its first word.
  let pageWords: Map<string, number[]> | undefined;
  const cueOnPage = (cue: string): boolean => {
    pageWords ??= wordsOfBlocks(blocks);
    const words = cue.split(NON_WORD).filter(Boolean);
    if (words.length === 0) return false;
    const where = pageWords.get(words[0]!);
    if (!where || !words.every((w) => pageWords!.has(w))) return false;
    return (words.length === 1 && words[0] === cue) || where.some((i) => wordIn(blocks[i]!.folded.lower, cue));
  };
  const supportCache = new Map<number, boolean>();
  /** The page supports an ambiguous alias of `e`: its full name, a related entity, or a cue word. */
  const supported = (e: number) => {
    let hit = supportCache.get(e);
    if (hit === undefined) {
      hit = fullNameSeen[e] === 1 || (dict.related[e] ?? []).some((r) => fullNameSeen[r] === 1) || (dict.cues[e] ?? []).some(cueOnPage);
      supportCache.set(e, hit);
    }
    return hit;
  };

  // Document order: coreference needs to know who was named last.
  const lastReferent = new Map<string, number>();
  const aheadReferent = blocks.some((b) => b.heading) ? firstReferents(dict, blocks) : new Map<string, number>();
  const out: Decision[][] = [];
  for (const b of blocks) {
    const text = b.folded.cased;
    const decisions: Decision[] = [];
    b.candidates.forEach((c, k) => {
      const key = dict.patterns[c.pattern]!.key;
      let reason = '';
      let chosen: AliasSense | undefined;
      const isPersonToken = namesPerson(c);
      const otherName = isPersonToken && partOfOtherName(blocks, b, c);
      // What the words around say depends only on the entity's type and country: read once
      // for each, not once per sense (a common surname can have hundreds of senses).
      const around = new Map<string, string>();
      function surroundings(type: string, country: string | undefined): string {
        const at = `${type}|${country ?? ''}`;
        let r = around.get(at);
        if (r === undefined) {
          r = '';
          if (type === 'person' && nameSuffix(text, c)) r = ROLE_CONFLICT;
          else if (embeddedAfter(text, c, country, type, afterReach(b, type))) r = 'inside the name of another body (after)';
          else if (embeddedBefore(text, b.original, b.folded, c, type, country)) r = 'inside the name of another body (before)';
          around.set(at, r);
        }
        return r;
      }
      for (const sense of c.senses) {
        const entity = dict.entities[sense.entity]!;
        const r = judge(sense, entity.type, entity.country, entity.titles);
        if (r === '') {
          chosen = sense;
          break;
        }
        reason ||= r;
      }
      function judge(sense: AliasSense, type: string, country: string | undefined, titles: readonly string[] | undefined): string {
        const around = surroundings(type, country);
        if (around !== '') return around;
        switch (sense.kind) {
          case 'name':
            if (type === 'person' && conflictingRole(text, c, titles)) return ROLE_CONFLICT;
            if (!sense.ambiguous) return '';
            return supported(sense.entity) ? '' : UNSUPPORTED_NAME;
          case 'surname':
          case 'given':
            if (otherName) return 'part of another person’s name';
            if (lastReferent.get(key) === sense.entity) return '';
            if (b.heading && !lastReferent.has(key) && aheadReferent.get(key) === sense.entity) return '';
            return 'not introduced by the full name before';
          case 'acronym': {
            if (bracketed(text, c)) {
              const prev = b.candidates[k - 1];
              if (prev && adjacentBefore(text, prev, c) && prev.senses.some((p) => p.entity === sense.entity)) return '';
              if (definedAsOther.has(key)) return 'brackets define these letters as something else';
            }
            const ours = definedAsOurs.get(key);
            if (ours?.has(sense.entity)) return '';
            if (definedAsOther.has(key)) return 'the page defines these letters as something else';
            if (!sense.ambiguous) return '';
            return supported(sense.entity) ? '' : 'ambiguous acronym without support on the page';
          }
          case 'short':
            if (!sense.ambiguous) return '';
            if (type === 'organisation' && describesNoun(text, c)) return 'describes the noun after it (“Anlong county”, “Biotech firms”)';
            return supported(sense.entity) ? '' : 'short form without support on the page';
        }
      }
      // Update who each name token refers to from here on.
      if (isPersonToken && otherName) lastReferent.set(key, -1);
      // A full name introduces its person for later short forms, even inside a facility's
      // name ("Imran Khan Cricket Stadium … Imran said"), but not when it is someone else.
      // An unsupported common name ("Imran Khan" in a cricket report) does not introduce ours either.
      const someoneElse = reason === ROLE_CONFLICT || reason === UNSUPPORTED_NAME;
      for (const s of c.senses) {
        if (s.kind !== 'name' || dict.entities[s.entity]!.type !== 'person') continue;
        for (const token of dict.personTokens[s.entity] ?? []) lastReferent.set(token, someoneElse && !chosen ? -1 : s.entity);
      }
      if (chosen?.kind === 'surname' || chosen?.kind === 'given') lastReferent.set(key, chosen.entity);
      if (!chosen) decisions.push({ candidate: c, reason });
      else if (chosen.kind === 'surname' || chosen.kind === 'given') decisions.push({ candidate: c, sense: chosen, start: titleStart(text, c) });
      else decisions.push({ candidate: c, sense: chosen });
    });
    out.push(decisions);
  }
  return out;
}

/** `needle` occurs in `hay` as whole words. */
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Each word of the page (folded, lower case) → the blocks it is in, in order. */
function wordsOfBlocks(blocks: readonly Block[]): Map<string, number[]> {
  const words = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    for (const w of b.folded.lower.split(NON_WORD)) {
      if (w === '') continue;
      const list = words.get(w);
      if (!list) words.set(w, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return words;
}

function wordIn(hay: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) return false;
    const before = hay[i - 1];
    const after = hay[i + needle.length];
    if (!/[\p{L}\p{N}]/u.test(before ?? '') && !/[\p{L}\p{N}]/u.test(after ?? '')) return true;
    from = i + 1;
  }
}
