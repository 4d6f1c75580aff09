/**
 * The dictionary the page matcher runs: every alias of every entity folded into one
 * automaton. Built from the pack's entities (or the store's alias table) once per pack
 * version; the same code runs in the background (for every page), the tests and `npm run annotate`.
 */
import type { AliasKind, EntityType } from '../pack/types';
import { buildAutomaton, type Automaton } from './automaton';
import { foldAlias, isUnspacedScript } from './normalize';

/** What the matcher needs to know of an entity. */
export interface DictionaryEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: ReadonlyArray<{ text: string; kind: AliasKind; caseSensitive?: boolean; ambiguous?: boolean }>;
  /** ISO country code, used to tell "Board of Investment Pakistan" from a foreign board. */
  country?: string;
  /** Titles the sources give the person ("Ambassador"): a different title before the name means another person. */
  titles?: readonly string[];
  /** Words whose presence on the page supports the entity's ambiguous aliases. */
  cues?: readonly string[];
  /**
   * Ids of entities whose unambiguous presence on the page also supports them: the
   * organisation a person acts for, its people, partners in the same deal.
   */
  related?: readonly string[];
}

/** One alias of one entity, as the automaton found it. */
export interface AliasSense {
  entity: number;
  kind: AliasKind;
  caseSensitive: boolean;
  ambiguous: boolean;
  /** The alias folded with its case kept, compared for case-sensitive aliases. */
  cased: string;
}

export interface Pattern {
  key: string;
  senses: AliasSense[];
  /** The first/last character is in a script written without spaces: no word boundary needed there. */
  openStart: boolean;
  openEnd: boolean;
  /**
   * For patterns with case-sensitive senses, the senses an occurrence keeps, worked out
   * once: `byCase` for an occurrence spelled as one of the case-sensitive forms (that
   * form's senses and the case-insensitive ones, in pack order), `anyCase` otherwise.
   * A common surname can have hundreds of senses: filtering them per occurrence was most
   * of the candidate check with a 100k-alias pack.
   */
  byCase?: ReadonlyArray<{ cased: string; senses: AliasSense[] }>;
  anyCase?: AliasSense[];
}

export interface Dictionary {
  entities: readonly DictionaryEntity[];
  patterns: Pattern[];
  automaton: Automaton;
  /**
   * Per pattern, what the candidate check needs, in flat arrays (the pattern objects of a
   * large dictionary are scattered over the heap: reading one per occurrence cost more than
   * the scan): PATTERN_OPEN_START | PATTERN_OPEN_END | PATTERN_CASE_ONLY.
   */
  patternFlags: Uint8Array;
  /** For PATTERN_CASE_ONLY patterns, the first character every sense needs (cased), or 0 when they differ. */
  patternFirst: Uint16Array;
  /** Folded, lower-cased cue words per entity (entity index → cues). */
  cues: string[][];
  /** Folded surname and given-name keys per person entity, for coreference. */
  personTokens: string[][];
  /** Indexes of related entities per entity. */
  related: number[][];
}

export const PATTERN_OPEN_START = 1;
export const PATTERN_OPEN_END = 2;
/** Every sense is case-sensitive: an occurrence with other letter case is no candidate. */
export const PATTERN_CASE_ONLY = 4;

function defaultAmbiguous(kind: AliasKind, text: string): boolean {
  if (kind === 'surname' || kind === 'given' || kind === 'short') return true;
  if (kind === 'acronym') return text.replace(/[^\p{L}\p{N}]/gu, '').length <= 4;
  return false;
}

export function buildDictionary(entities: readonly DictionaryEntity[]): Dictionary {
  const byKey = new Map<string, Pattern>();
  const cues: string[][] = [];
  const personTokens: string[][] = [];
  entities.forEach((entity, e) => {
    cues.push((entity.cues ?? []).map((c) => foldAlias(c).lower).filter(Boolean));
    const tokens: string[] = [];
    const seen = new Set<string>();
    // The canonical name matches as a name, unless an alias already says how it matches ("INP" is an acronym).
    const nameListed = entity.aliases.some((a) => a.text === entity.name);
    const all = nameListed ? entity.aliases : [{ text: entity.name, kind: 'name' as AliasKind }, ...entity.aliases];
    for (const alias of all) {
      const { lower, cased } = foldAlias(alias.text);
      if (!lower) continue;
      const kind = alias.kind;
      const caseSensitive = 'caseSensitive' in alias && alias.caseSensitive !== undefined ? alias.caseSensitive : kind === 'acronym';
      const ambiguous = 'ambiguous' in alias && alias.ambiguous !== undefined ? alias.ambiguous : defaultAmbiguous(kind, alias.text);
      const senseKey = `${lower}\u0000${caseSensitive ? cased : ''}`;
      if (seen.has(senseKey)) continue;
      seen.add(senseKey);
      if (kind === 'surname' || kind === 'given') tokens.push(lower);
      let pattern = byKey.get(lower);
      if (!pattern) {
        pattern = { key: lower, senses: [], openStart: isUnspacedScript(lower[0]), openEnd: isUnspacedScript(lower[lower.length - 1]) };
        byKey.set(lower, pattern);
      }
      pattern.senses.push({ entity: e, kind, caseSensitive, ambiguous, cased });
    }
    personTokens.push(tokens);
  });
  const index = new Map(entities.map((e, i) => [e.id, i]));
  const related = entities.map((e) => (e.related ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined));
  const patterns = [...byKey.values()];
  const patternFlags = new Uint8Array(patterns.length);
  const patternFirst = new Uint16Array(patterns.length);
  patterns.forEach((p, i) => {
    // Some sense matches only with its letter case (acronyms): checked against the cased text.
    if (p.senses.some((s) => s.caseSensitive)) {
      const forms = [...new Set(p.senses.filter((s) => s.caseSensitive).map((s) => s.cased))];
      p.byCase = forms.map((cased) => ({ cased, senses: p.senses.filter((s) => !s.caseSensitive || s.cased === cased) }));
      p.anyCase = p.senses.filter((s) => !s.caseSensitive);
    }
    const caseOnly = p.senses.every((s) => s.caseSensitive);
    patternFlags[i] = (p.openStart ? PATTERN_OPEN_START : 0) | (p.openEnd ? PATTERN_OPEN_END : 0) | (caseOnly ? PATTERN_CASE_ONLY : 0);
    const first = p.senses[0]!.cased.charCodeAt(0);
    if (caseOnly && p.senses.every((s) => s.cased.charCodeAt(0) === first)) patternFirst[i] = first;
  });
  return { related, entities, patterns, automaton: buildAutomaton(patterns.map((p) => p.key)), patternFlags, patternFirst, cues, personTokens };
}
