/**
 * The fact pack: the data model every part of Factmark shares.
 *
 * A pack is plain JSON (see README "Fact pack format"). The seeds compiler
 * (scripts/compile-seeds.ts) builds the bundled pack from `seeds/`; users can
 * import more packs of the same shape. `lib/pack/validate.ts` checks a pack
 * at run time before anything is stored.
 */

export const PACK_FORMAT = 'factmark-pack';
export const PACK_FORMAT_VERSION = 1;

export type EntityType = 'person' | 'organisation' | 'place' | 'initiative' | 'outlet';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'place', 'initiative', 'outlet'];

/**
 * How an alias may match on a page.
 * - `name`: a full name; matched case-insensitively wherever it stands as a word.
 * - `acronym`: matched case-sensitively ("BOI", never "boi").
 * - `surname` / `given`: one token of a person's name; marked only after the
 *   full name has introduced that person on the page (coreference).
 * - `short`: a short or generic form of an organisation or place
 *   ("Anlong Gene", "Biotech"); may need support from the page.
 */
export type AliasKind = 'name' | 'acronym' | 'surname' | 'given' | 'short';
export const ALIAS_KINDS: readonly AliasKind[] = ['name', 'acronym', 'surname', 'given', 'short'];

export interface Alias {
  text: string;
  kind: AliasKind;
  /** Match letter case exactly. Defaults to true for acronyms, false otherwise. */
  caseSensitive?: boolean;
  /**
   * The alias alone is not enough: it is marked only where the page supports
   * it (the entity's full name or definition is on the page). Defaults to
   * true for surname, given and short; false for name; for acronyms, true
   * when the acronym has 4 letters or fewer.
   */
  ambiguous?: boolean;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name, as a reader would write it. */
  name: string;
  /** One or two sentences: who or what this is. */
  description: string;
  aliases: Alias[];
  /** ISO 3166-1 alpha-2 country the entity belongs to, where known ("PK", "CN"). */
  country?: string;
  /** For a person: the organisation they act for in the sources (also in roles). */
  memberOf?: string[];
  /** Sources that mention the entity: each entry is a source id. */
  sources: string[];
  /**
   * Words or names whose presence on a page supports the entity's ambiguous aliases
   * (for the Belt and Road Initiative's "BRI": "CPEC", "Xi Jinping"). General to the
   * entity, never to one article.
   */
  cues?: string[];
}

/** A date only as far as the text tells: a missing year stays missing. */
export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
}

export interface Citation {
  sourceId: string;
  /** Verbatim from the source text (whitespace may differ). */
  quote: string;
}

export interface Role extends Citation {
  id: string;
  personId: string;
  title: string;
  /** The organisation the title is held at; absent for titles like "Prime Minister". */
  orgId?: string;
}

export interface Figure {
  value: number;
  /** "USD", "CNY", "percent", "units", "instruments", "years"… */
  unit: string;
  /** What the number counts, e.g. "industry value", "exports". */
  measure: string;
  qualifier?: 'over' | 'more than' | 'about' | 'up to' | 'at least';
  /** The period it covers, as the text says it: "2023", "January–May 2023", "next five years". */
  period?: string;
  /** A change attached to the figure, e.g. year-on-year growth in percent. */
  change?: { value: number; unit: string; basis: string };
}

export interface Fact extends Citation {
  id: string;
  entityIds: string[];
  /** The statement in plain words. */
  text: string;
  figure?: Figure;
  /**
   * Entity id of whoever the source credits with the statement: the speaker,
   * or the body whose data it reports. Absent when the source says it in its
   * own voice.
   */
  attributedTo?: string;
}

export type DealKind = 'agreement' | 'joint-laboratory' | 'joint-centre' | 'matchmaking-event' | 'industry-park' | 'joint-venture-proposal' | 'event' | 'mechanism-proposal';
export const DEAL_KINDS: readonly DealKind[] = ['agreement', 'joint-laboratory', 'joint-centre', 'matchmaking-event', 'industry-park', 'joint-venture-proposal', 'event', 'mechanism-proposal'];
export type DealStatus = 'signed' | 'planned' | 'proposed' | 'held';
export const DEAL_STATUSES: readonly DealStatus[] = ['signed', 'planned', 'proposed', 'held'];

export interface Deal extends Citation {
  id: string;
  title: string;
  kind: DealKind;
  status: DealStatus;
  /** Entity ids of the parties (companies, governments, organisers). */
  parties: string[];
  /** Other entities involved (speakers, hosts, supporters). */
  involved?: string[];
  date?: PartialDate;
  /** Entity id of the place, when the pack has it, else free text. */
  place?: string;
  summary: string;
  /** Fact ids with the deal's figures. */
  factIds?: string[];
  /** Further citations backing the deal. */
  citations?: Citation[];
}

export interface SourceDoc {
  id: string;
  /** File name under seeds/ for the bundled pack. */
  file?: string;
  title: string;
  /** Outlet or agency as the text names it ("INP", "APP", "People Daily"). */
  outlet?: string;
  /** Outlets the text credits beside the agency ("Gwadar Pro"). */
  via?: string[];
  /** Dateline place, if the text has one ("ISLAMABAD"). */
  dateline?: string;
  date?: PartialDate;
  /** The date exactly as the text writes it. */
  dateText?: string;
  language: string;
  /** The full text of the document, byte for byte. */
  text: string;
}

export interface FactPack {
  format: typeof PACK_FORMAT;
  formatVersion: typeof PACK_FORMAT_VERSION;
  /** Stable id of the pack ("factmark-seeds"). */
  id: string;
  name: string;
  /** Semver-like version of the pack's content, compared on import. */
  version: string;
  /** sha-256 (hex) of the canonical content; set by the compiler. */
  hash: string;
  sources: SourceDoc[];
  entities: Entity[];
  roles: Role[];
  facts: Fact[];
  deals: Deal[];
}
