/**
 * Run-time check of a fact pack: shape, ids, references and quotes. Pure (no DOM, no
 * Node APIs), so the seeds compiler and the in-extension import run the same code.
 * Written by hand rather than with a schema library: the pack format is small, the
 * messages must name the record and the field, and the extension bundle stays lean.
 *
 * The canonical JSON and hash of a pack live here too: they belong to the same
 * contract (what a valid pack is, and which bytes identify it).
 */
import {
  ALIAS_KINDS,
  DEAL_KINDS,
  DEAL_STATUSES,
  ENTITY_TYPES,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type Alias,
  type Citation,
  type Deal,
  type Entity,
  type Fact,
  type FactPack,
  type Figure,
  type PartialDate,
  type Role,
  type SourceDoc,
} from './types';

export interface PackError {
  /** The record, e.g. "entities[3] (person-khalil-hashmi)", or "pack" for top-level fields. */
  record: string;
  /** Path of the field inside the record, e.g. "aliases[2].kind". */
  field?: string;
  message: string;
  /** File the record came from, when a caller (the seeds compiler) knows it. */
  file?: string;
}

export interface ValidateOptions {
  /** Longest string allowed anywhere except a source's text. */
  maxStringLength?: number;
  /** Longest source text allowed. */
  maxTextLength?: number;
}

export type ValidateResult = { ok: true; pack: FactPack } | { ok: false; errors: PackError[] };

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const DEFAULT_MAX_STRING_LENGTH = 20_000;
export const DEFAULT_MAX_TEXT_LENGTH = 2_000_000;
/** A hopeless input (a million broken records) must not produce a million messages. */
export const MAX_ERRORS = 500;

export const PACK_TABLES = ['sources', 'entities', 'roles', 'facts', 'deals'] as const;
export type PackTable = (typeof PACK_TABLES)[number];

/** Which table an error belongs to ("pack" for top-level fields). */
export function errorTable(error: PackError): PackTable | 'pack' {
  const head = /^[a-z]+/.exec(error.record)?.[0];
  return PACK_TABLES.find((t) => t === head) ?? 'pack';
}

export function formatPackError(error: PackError): string {
  return `${error.record}: ${error.message}`;
}

// ---------------------------------------------------------------------------------------
// Quotes, canonical JSON, hash

const normaliseSpace = (s: string) => s.replace(/\s+/g, ' ');

/** Most quotes are already single-spaced: no new string for those. */
const UNEVEN_SPACE = /[^\S ]| {2}|^ | $/;
const spaceNormalisedQuote = (quote: string) => (UNEVEN_SPACE.test(quote) ? normaliseSpace(quote).trim() : quote);

/** A quote is in a text when it occurs there with whitespace runs taken as one space. */
export function quoteInText(quote: string, text: string): boolean {
  const q = spaceNormalisedQuote(quote);
  return q !== '' && normaliseSpace(text).includes(q);
}

/** JSON with object keys sorted (UTF-16 order) at every level: the same value, the same bytes. */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value, []));
  } catch (error) {
    if (error instanceof NotCopyable) return encode(value, []);
    throw error;
  }
}

/** An object this copy cannot reproduce key for key (see sortedCopy). */
class NotCopyable extends Error {}

/**
 * The value with every object's keys inserted in sorted order, so the native
 * JSON.stringify writes the canonical form (about a third faster than encoding by hand,
 * which matters at 85 MB for a 100k-entity pack). Objects whose key order an object
 * literal cannot hold are refused: integer-like keys ("2", "10") are always enumerated
 * first in numeric order, and "__proto__" would set the prototype.
 *
 * What is in canonical order already is returned as it is, not copied: a pack file
 * written by Factmark (packFileText) parses into objects whose keys are sorted, and
 * copying its million objects was most of an import's hash check.
 */
function sortedCopy(value: unknown, stack: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return value;
    case 'object':
      if (value === null) return null;
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  }
  if (stack.includes(value)) throw new TypeError('canonicalJson: the value contains a cycle');
  stack.push(value);
  let out: unknown;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const sorted = item === undefined ? null : sortedCopy(item, stack);
      if (sorted !== item && !copy) copy = value.slice(0, i) as unknown[];
      if (copy) copy[i] = sorted;
    }
    out = copy ?? value;
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    // Only a plain object can stand for itself: JSON.stringify would call another's toJSON.
    const proto: unknown = Object.getPrototypeOf(record);
    let same = proto === Object.prototype || proto === null;
    for (let i = 1; same && i < keys.length; i += 1) if (keys[i - 1]! > keys[i]!) same = false;
    // The default sort compares UTF-16 code units, as the format requires.
    if (!same) keys.sort();
    let copy: Record<string, unknown> | undefined = same ? undefined : {};
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      const first = key.charCodeAt(0);
      if ((first >= 48 && first <= 57) || key === '__proto__') throw new NotCopyable();
      const v = record[key];
      const sorted = v === undefined ? undefined : sortedCopy(v, stack);
      if (!copy && sorted !== v) {
        // Something inside changed: copy from here on (the fields before were taken as they are).
        copy = {};
        for (let j = 0; j < i; j += 1) if (record[keys[j]!] !== undefined) copy[keys[j]!] = record[keys[j]!];
      }
      if (copy && sorted !== undefined) copy[key] = sorted;
    }
    out = copy ?? record;
  }
  stack.pop();
  return out;
}

function encode(value: unknown, stack: object[]): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  if (stack.includes(value)) throw new TypeError('canonicalJson: the value contains a cycle');
  stack.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value.map((item: unknown) => (item === undefined ? 'null' : encode(item, stack))).join(',')}]`;
  } else {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${encode(v, stack)}`).join(',')}}`;
  }
  stack.pop();
  return out;
}

/**
 * A pack as the file Factmark writes (the compiler, an export): its canonical JSON laid out
 * two spaces deep. Same content, keys in canonical order, so an import's hash check reads
 * it without reordering anything (see sortedCopy).
 */
export function packFileText(pack: object): string {
  let sorted: unknown;
  try {
    sorted = sortedCopy(pack, []);
  } catch (error) {
    if (!(error instanceof NotCopyable)) throw error;
    sorted = JSON.parse(canonicalJson(pack));
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** sha-256 of `bytes` as lower-case hex (a pack's hash; lib/pack/file-hash.ts too). */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** sha-256 (hex) of the canonical JSON of the pack without its `hash` field. */
export async function packHash(pack: object): Promise<string> {
  const content = Object.fromEntries(Object.entries(pack).filter(([key]) => key !== 'hash'));
  return sha256Hex(new TextEncoder().encode(canonicalJson(content)));
}

/** The pack's `hash` is the hash of its content (it was not edited after compiling). */
export async function verifyPackHash(pack: FactPack): Promise<boolean> {
  return pack.hash === (await packHash(pack));
}

// ---------------------------------------------------------------------------------------
// Field lists. `allKeys` fails to compile when types.ts gains a field this file does not
// list, so strict unknown-field checks never refuse a valid pack.

function allKeys<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, K[number]> }),
  ): ReadonlySet<string> => new Set<string>(keys);
}

const PACK_KEYS = allKeys<FactPack>()(['format', 'formatVersion', 'id', 'name', 'version', 'hash', 'sources', 'entities', 'roles', 'facts', 'deals']);
const SOURCE_KEYS = allKeys<SourceDoc>()(['id', 'file', 'title', 'outlet', 'via', 'dateline', 'date', 'dateText', 'language', 'text']);
const ENTITY_KEYS = allKeys<Entity>()(['id', 'type', 'name', 'description', 'aliases', 'country', 'memberOf', 'sources', 'cues']);
const ALIAS_KEYS = allKeys<Alias>()(['text', 'kind', 'caseSensitive', 'ambiguous']);
const ROLE_KEYS = allKeys<Role>()(['id', 'personId', 'title', 'orgId', 'sourceId', 'quote']);
const FACT_KEYS = allKeys<Fact>()(['id', 'entityIds', 'text', 'figure', 'attributedTo', 'sourceId', 'quote']);
const FIGURE_KEYS = allKeys<Figure>()(['value', 'unit', 'measure', 'qualifier', 'period', 'change']);
const CHANGE_KEYS = allKeys<NonNullable<Figure['change']>>()(['value', 'unit', 'basis']);
const DEAL_KEYS = allKeys<Deal>()(['id', 'title', 'kind', 'status', 'parties', 'involved', 'date', 'place', 'summary', 'factIds', 'citations', 'sourceId', 'quote']);
const CITATION_KEYS = allKeys<Citation>()(['sourceId', 'quote']);
const DATE_KEYS = allKeys<PartialDate>()(['year', 'month', 'day']);
const QUALIFIERS: readonly NonNullable<Figure['qualifier']>[] = ['over', 'more than', 'about', 'up to', 'at least'];

const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** A bare file name: the compiler reads it from the seeds folder and nowhere else. */
const FILE_PATTERN = /^(?!\.)[A-Za-z0-9._-]+$/;

// ---------------------------------------------------------------------------------------
// The checker

type Json = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null ? 'an object' : `a ${(value as object).constructor?.name ?? 'non-plain'} object`;
  }
  if (typeof value === 'string') return value.length > 40 ? `a string` : `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

const isPlainObject = (value: unknown): value is Json => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A field's name, or how to work it out (only needed for a message). */
type FieldName = string | (() => string);

const ID_STRING = { pattern: ID_PATTERN, patternText: 'an id of lower-case letters, digits and hyphens' };

interface Limits {
  maxString: number;
  maxText: number;
}

class Report {
  readonly errors: PackError[] = [];
  private dropped = 0;

  add(record: string, field: string | undefined, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(field === undefined ? { record, message } : { record, field, message });
    else this.dropped += 1;
  }

  /** Errors in pack order (top level, then each table, record by record), as a reader fixes them. */
  finish(): PackError[] {
    const rank = (e: PackError) => {
      const table = errorTable(e);
      const index = Number(/\[(\d+)\]/.exec(e.record)?.[1] ?? -1);
      return [table === 'pack' ? -1 : PACK_TABLES.indexOf(table), index] as const;
    };
    const ranked = this.errors.map((e, i) => ({ e, i, r: rank(e) }));
    ranked.sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i);
    this.errors.splice(0, this.errors.length, ...ranked.map((x) => x.e));
    if (this.dropped > 0) this.errors.push({ record: 'pack', message: `${this.dropped} more errors not listed` });
    return this.errors;
  }
}

/**
 * Checks the fields of one object of one record; `path` is where the object sits in the
 * record. The record's label and the path are only worked out when something fails: a
 * 100k-entity pack has about a million objects and fields, nearly all of them fine.
 */
class Fields {
  private label: string | (() => string);

  constructor(
    private readonly report: Report,
    private readonly limits: Limits,
    record: string | (() => string),
    readonly obj: Json,
    private readonly at?: Fields,
    private readonly key = '',
  ) {
    this.label = record;
  }

  get record(): string {
    if (typeof this.label !== 'string') this.label = this.label();
    return this.label;
  }

  private get path(): string {
    return this.at ? this.at.field(this.key) : '';
  }

  field(key: string): string {
    const path = this.path;
    return path ? `${path}.${key}` : key;
  }

  fail(name: FieldName | undefined, message: string): void {
    const key = typeof name === 'function' ? name() : name;
    const field = key === undefined ? this.path || undefined : this.field(key);
    this.report.add(this.record, field, field ? `${field} ${message}` : message);
  }

  onlyKeys(allowed: ReadonlySet<string>): void {
    for (const key of Object.keys(this.obj)) if (!allowed.has(key)) this.fail(undefined, `has an unknown field "${key}"`);
  }

  private missing(key: string, optional: boolean): boolean {
    if (this.obj[key] !== undefined) return false;
    if (!optional) this.fail(key, 'is missing');
    return true;
  }

  str(key: string, opts: { optional?: boolean; max?: number; pattern?: RegExp; patternText?: string; raw?: boolean } = {}): string | undefined {
    if (this.missing(key, opts.optional ?? false)) return undefined;
    return this.checkString(this.obj[key], key, opts);
  }

  checkString(value: unknown, key: FieldName, opts: { max?: number; pattern?: RegExp; patternText?: string; raw?: boolean } = {}): string | undefined {
    const max = opts.max ?? this.limits.maxString;
    if (typeof value !== 'string') return void this.fail(key, `must be a string (got ${describe(value)})`);
    if (value.length > max) return void this.fail(key, `is ${value.length} characters long; the limit is ${max}`);
    const trimmed = value.trim();
    if (trimmed === '') return void this.fail(key, 'must not be empty');
    if (!opts.raw && value !== trimmed) return void this.fail(key, 'must not start or end with whitespace');
    if (opts.pattern && !opts.pattern.test(value)) return void this.fail(key, `must be ${opts.patternText ?? `like ${opts.pattern}`} (got "${clip(value, 40)}")`);
    return value;
  }

  id(key: string, optional = false): string | undefined {
    return this.str(key, { optional, ...ID_STRING });
  }

  oneOf<T extends string>(key: string, values: readonly T[], optional = false): T | undefined {
    if (this.missing(key, optional)) return undefined;
    const value = this.obj[key];
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.fail(key, `must be one of ${values.map((v) => `"${v}"`).join(', ')} (got ${describe(value)})`);
    return undefined;
  }

  bool(key: string): void {
    const value = this.obj[key];
    if (value !== undefined && typeof value !== 'boolean') this.fail(key, `must be true or false (got ${describe(value)})`);
  }

  num(key: string, opts: { optional?: boolean; integer?: boolean; min?: number; max?: number } = {}): number | undefined {
    if (this.missing(key, opts.optional ?? false)) return undefined;
    const value = this.obj[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) return void this.fail(key, `must be a finite number (got ${describe(value)})`);
    if (opts.integer && !Number.isInteger(value)) return void this.fail(key, `must be a whole number (got ${value})`);
    if ((opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max)) {
      return void this.fail(key, `must be between ${opts.min} and ${opts.max} (got ${value})`);
    }
    return value;
  }

  array(key: string, optional = false): unknown[] | undefined {
    if (this.missing(key, optional)) return undefined;
    const value = this.obj[key];
    if (Array.isArray(value)) return value;
    this.fail(key, `must be an array (got ${describe(value)})`);
    return undefined;
  }

  /** A list of distinct strings; returns the valid ones with their field names (`key[i]`, worked out when read). */
  strings(key: string, opts: { optional?: boolean; nonEmpty?: boolean; ids?: boolean } = {}): Array<[FieldName, string]> {
    const list = this.array(key, opts.optional);
    if (!list) return [];
    if (opts.nonEmpty && list.length === 0) this.fail(key, 'must not be empty');
    const seen = new Set<string>();
    const out: Array<[FieldName, string]> = [];
    const check = opts.ids ? ID_STRING : {};
    for (let i = 0; i < list.length; i += 1) {
      // The field is only named when something is wrong with it.
      const value = this.checkString(list[i], () => `${key}[${i}]`, check);
      if (value === undefined) continue;
      if (seen.has(value)) this.fail(`${key}[${i}]`, `repeats "${value}"`);
      seen.add(value);
      out.push([() => this.field(`${key}[${i}]`), value]);
    }
    return out;
  }

  /** A nested object, checked in its own scope. */
  child(key: string, optional = true): Fields | undefined {
    if (this.missing(key, optional)) return undefined;
    return this.nested(this.obj[key], key);
  }

  nested(value: unknown, key: string): Fields | undefined {
    if (isPlainObject(value)) return new Fields(this.report, this.limits, () => this.record, value, this, key);
    this.fail(key, `must be an object (got ${describe(value)})`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Indexes built before the records are checked, so references can be resolved in one pass.

interface Indexes {
  sources: Map<string, string | undefined>; // id → text
  entities: Map<string, string | undefined>; // id → type
  facts: Set<string>;
}

function indexTable(table: unknown[], name: PackTable, report: Report): Map<string, Json> {
  const first = new Map<string, number>();
  const byId = new Map<string, Json>();
  table.forEach((raw, i) => {
    if (!isPlainObject(raw) || typeof raw.id !== 'string') return;
    const at = first.get(raw.id);
    if (at !== undefined) {
      report.add(`${name}[${i}] (${raw.id})`, 'id', `id "${raw.id}" is used twice in ${name} (first by ${name}[${at}])`);
      return;
    }
    first.set(raw.id, i);
    byId.set(raw.id, raw);
  });
  return byId;
}

function label(name: PackTable, i: number, raw: unknown): string {
  const id = isPlainObject(raw) ? raw.id : undefined;
  return typeof id === 'string' && id.length <= 100 && ID_PATTERN.test(id) ? `${name}[${i}] (${id})` : `${name}[${i}]`;
}

class Resolver {
  private readonly normalised = new Map<string, string>();
  constructor(readonly ix: Indexes) {}

  source(f: Fields, field: FieldName, id: string | undefined): void {
    if (id !== undefined && !this.ix.sources.has(id)) f.fail(field, `refers to source "${id}", which is not in the pack`);
  }

  entity(f: Fields, field: FieldName, id: string | undefined, rule?: { type?: string; notType?: string }): void {
    if (id === undefined) return;
    if (!this.ix.entities.has(id)) return f.fail(field, `refers to entity "${id}", which is not in the pack`);
    const type = this.ix.entities.get(id);
    if (rule?.type && type !== undefined && type !== rule.type) f.fail(field, `must be ${article(rule.type)}, but "${id}" is ${article(type)}`);
    if (rule?.notType && type === rule.notType) f.fail(field, `must not be ${article(rule.notType)}, but "${id}" is one`);
  }

  fact(f: Fields, field: FieldName, id: string): void {
    if (!this.ix.facts.has(id)) f.fail(field, `refers to fact "${id}", which is not in the pack`);
  }

  /** A citation's source exists and its quote is in that source's text. */
  citation(f: Fields): void {
    const sourceId = f.id('sourceId');
    const quote = f.str('quote');
    this.source(f, 'sourceId', sourceId);
    const text = sourceId === undefined ? undefined : this.ix.sources.get(sourceId);
    if (quote === undefined || text === undefined || sourceId === undefined) return;
    let normalised = this.normalised.get(sourceId);
    if (normalised === undefined) {
      normalised = normaliseSpace(text);
      this.normalised.set(sourceId, normalised);
    }
    if (!normalised.includes(spaceNormalisedQuote(quote))) f.fail('quote', `not found in source ${sourceId}: "${clip(quote)}"`);
  }
}

// ---------------------------------------------------------------------------------------
// Records

function checkDate(f: Fields, key: string): void {
  const d = f.child(key);
  if (!d) return;
  d.onlyKeys(DATE_KEYS);
  const year = d.num('year', { optional: true, integer: true, min: 1, max: 9999 });
  const month = d.num('month', { optional: true, integer: true, min: 1, max: 12 });
  const day = d.num('day', { optional: true, integer: true, min: 1, max: 31 });
  if (d.obj.year === undefined && d.obj.month === undefined && d.obj.day === undefined) return d.fail(undefined, 'must have a year, a month or a day');
  if (d.obj.day !== undefined && d.obj.month === undefined) return d.fail(undefined, 'has a day but no month');
  if (day !== undefined && month !== undefined) {
    // Without a year, 29 February is possible; with one, Date knows the month's length.
    const length = new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
    if (day > length) d.fail('day', `${day} is past the end of month ${month}${year === undefined ? '' : ` of ${year}`}`);
  }
}

function checkSource(f: Fields, limits: Limits): void {
  f.onlyKeys(SOURCE_KEYS);
  f.id('id');
  f.str('file', { optional: true, pattern: FILE_PATTERN, patternText: 'a bare file name' });
  f.str('title');
  f.str('outlet', { optional: true });
  f.strings('via', { optional: true });
  f.str('dateline', { optional: true });
  checkDate(f, 'date');
  f.str('dateText', { optional: true });
  f.str('language', { pattern: LANGUAGE_PATTERN, patternText: 'a language tag such as "en"' });
  f.str('text', { max: limits.maxText, raw: true });
}

function checkAlias(a: Fields, entityType: string | undefined): string | undefined {
  a.onlyKeys(ALIAS_KEYS);
  const text = a.str('text');
  const kind = a.oneOf('kind', ALIAS_KINDS);
  a.bool('caseSensitive');
  a.bool('ambiguous');
  if ((kind === 'surname' || kind === 'given') && entityType !== undefined && entityType !== 'person') {
    a.fail('kind', `"${kind}" is for persons, but the entity is a ${entityType}`);
  }
  return text;
}

function checkEntity(f: Fields, r: Resolver): void {
  f.onlyKeys(ENTITY_KEYS);
  f.id('id');
  const type = f.oneOf('type', ENTITY_TYPES);
  f.str('name');
  f.str('description');
  const aliases = f.array('aliases');
  if (aliases?.length === 0) f.fail('aliases', 'must list at least one alias');
  const seen = new Map<string, number>();
  aliases?.forEach((raw, i) => {
    const a = f.nested(raw, `aliases[${i}]`);
    const text = a && checkAlias(a, type);
    if (text === undefined || !a) return;
    const key = `${a.obj.kind}\u0000${text}`;
    const before = seen.get(key);
    if (before !== undefined) a.fail('text', `repeats aliases[${before}] ("${clip(text, 40)}")`);
    else seen.set(key, i);
  });
  f.str('country', { optional: true, pattern: COUNTRY_PATTERN, patternText: 'an ISO 3166-1 alpha-2 code such as "PK"' });
  for (const [field, id] of f.strings('memberOf', { optional: true, ids: true })) r.entity(f, field, id, { notType: 'person' });
  const sources = f.strings('sources', { ids: true });
  if (Array.isArray(f.obj.sources) && f.obj.sources.length === 0) f.fail('sources', 'is empty: every entity needs at least one source that mentions it');
  for (const [field, id] of sources) r.source(f, field, id);
  f.strings('cues', { optional: true });
}

function checkRole(f: Fields, r: Resolver): void {
  f.onlyKeys(ROLE_KEYS);
  f.id('id');
  r.entity(f, 'personId', f.id('personId'), { type: 'person' });
  f.str('title');
  r.entity(f, 'orgId', f.id('orgId', true), { notType: 'person' });
  r.citation(f);
}

function checkFigure(f: Fields): void {
  const g = f.child('figure');
  if (!g) return;
  g.onlyKeys(FIGURE_KEYS);
  g.num('value');
  g.str('unit');
  g.str('measure');
  g.oneOf('qualifier', QUALIFIERS, true);
  g.str('period', { optional: true });
  const c = g.child('change');
  if (!c) return;
  c.onlyKeys(CHANGE_KEYS);
  c.num('value');
  c.str('unit');
  c.str('basis');
}

function checkFact(f: Fields, r: Resolver): void {
  f.onlyKeys(FACT_KEYS);
  f.id('id');
  for (const [field, id] of f.strings('entityIds', { nonEmpty: true, ids: true })) r.entity(f, field, id);
  f.str('text');
  checkFigure(f);
  r.entity(f, 'attributedTo', f.id('attributedTo', true));
  r.citation(f);
}

function checkDeal(f: Fields, r: Resolver): void {
  f.onlyKeys(DEAL_KEYS);
  f.id('id');
  f.str('title');
  f.oneOf('kind', DEAL_KINDS);
  f.oneOf('status', DEAL_STATUSES);
  const parties = f.strings('parties', { ids: true });
  const involved = f.strings('involved', { optional: true, ids: true });
  for (const [field, id] of [...parties, ...involved]) r.entity(f, field, id);
  // A proposal may have no named party ("Chinese entrepreneurs"), but a deal nobody is in says nothing.
  if (Array.isArray(f.obj.parties) && f.obj.parties.length === 0 && !(Array.isArray(f.obj.involved) && f.obj.involved.length > 0)) {
    f.fail('parties', 'is empty and nobody is involved: a deal needs at least one entity');
  }
  checkDate(f, 'date');
  const place = f.str('place', { optional: true });
  // Lower-case-and-hyphens is an id ("place-sialkot"); a free-text place has capitals or spaces.
  if (place !== undefined && ID_PATTERN.test(place)) r.entity(f, 'place', place);
  f.str('summary');
  for (const [field, id] of f.strings('factIds', { optional: true, ids: true })) r.fact(f, field, id);
  f.array('citations', true)?.forEach((raw, i) => {
    const c = f.nested(raw, `citations[${i}]`);
    if (!c) return;
    c.onlyKeys(CITATION_KEYS);
    r.citation(c);
  });
  r.citation(f);
}

/** Ambiguity and case defaults as types.ts documents them. */
export function aliasIsAmbiguous(alias: Pick<Alias, 'text' | 'kind' | 'ambiguous'>): boolean {
  if (alias.ambiguous !== undefined) return alias.ambiguous;
  if (alias.kind === 'acronym') return alias.text.replace(/[^\p{L}\p{N}]/gu, '').length <= 4;
  return alias.kind !== 'name';
}

export function aliasIsCaseSensitive(alias: Pick<Alias, 'kind' | 'caseSensitive'>): boolean {
  return alias.caseSensitive ?? alias.kind === 'acronym';
}

/**
 * Two entities of one pack that both claim an unambiguous alias leave the matcher no way
 * to choose (the name counts as an alias: the matcher adds it). Ambiguous aliases may be
 * shared: page context decides those.
 */
function checkAliasClashes(entities: unknown[], firstById: ReadonlyMap<string, Json>, report: Report): void {
  const owner = new Map<string, string>();
  entities.forEach((raw, i) => {
    if (!isPlainObject(raw) || typeof raw.id !== 'string' || !Array.isArray(raw.aliases)) return;
    if (firstById.get(raw.id) !== raw) return; // a duplicate id, reported already
    const all: unknown[] = [{ text: raw.name, kind: 'name' }, ...raw.aliases];
    const mine = new Set<string>();
    for (const a of all) {
      if (!isPlainObject(a) || typeof a.text !== 'string' || typeof a.kind !== 'string') continue;
      const alias = a as unknown as Alias;
      if (aliasIsAmbiguous(alias)) continue;
      const folded = normaliseSpace(alias.text.replace(/[\u2018\u2019]/g, "'")).trim();
      const key = aliasIsCaseSensitive(alias) ? folded : folded.toLowerCase();
      if (mine.has(key)) continue;
      mine.add(key);
      const other = owner.get(key);
      if (other === undefined) owner.set(key, raw.id);
      else report.add(label('entities', i, raw), 'aliases', `alias "${clip(alias.text, 40)}" is also an unambiguous alias of ${other}: mark it ambiguous or keep it on one entity`);
    }
  });
}

const CHECKS: Record<Exclude<PackTable, 'sources'>, (f: Fields, r: Resolver) => void> = {
  entities: checkEntity,
  roles: checkRole,
  facts: checkFact,
  deals: checkDeal,
};

function checkTop(top: Fields): void {
  top.onlyKeys(PACK_KEYS);
  if (top.obj.format !== PACK_FORMAT) top.fail('format', `must be "${PACK_FORMAT}" (got ${describe(top.obj.format)}): this is not a Factmark pack`);
  else if (top.obj.formatVersion !== PACK_FORMAT_VERSION) {
    top.fail('formatVersion', `must be ${PACK_FORMAT_VERSION} (got ${describe(top.obj.formatVersion)}): this version of Factmark cannot read it`);
  }
  top.id('id');
  top.str('name');
  top.str('version', { pattern: VERSION_PATTERN, patternText: 'a version such as "1.0.0"' });
  top.str('hash', { pattern: HASH_PATTERN, patternText: '64 lower-case hex digits (sha-256)' });
}

export function validatePack(input: unknown, opts: ValidateOptions = {}): ValidateResult {
  const limits: Limits = {
    maxString: opts.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH,
    maxText: opts.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH,
  };
  const report = new Report();
  if (!isPlainObject(input)) {
    report.add('pack', undefined, `a pack must be a JSON object (got ${describe(input)})`);
    return { ok: false, errors: report.finish() };
  }
  const top = new Fields(report, limits, 'pack', input);
  checkTop(top);

  const tables = {} as Record<PackTable, unknown[]>;
  for (const name of PACK_TABLES) {
    const value = input[name];
    if (!Array.isArray(value)) report.add(name, undefined, `${name} must be an array (got ${describe(value)})`);
    tables[name] = Array.isArray(value) ? value : [];
  }

  const sources = indexTable(tables.sources, 'sources', report);
  const entities = indexTable(tables.entities, 'entities', report);
  const facts = indexTable(tables.facts, 'facts', report);
  indexTable(tables.roles, 'roles', report);
  indexTable(tables.deals, 'deals', report);
  const resolver = new Resolver({
    sources: new Map([...sources].map(([id, s]) => [id, typeof s.text === 'string' && s.text.length <= limits.maxText ? s.text : undefined])),
    // An invalid type is reported on the entity itself, not again on every reference to it.
    entities: new Map([...entities].map(([id, e]) => [id, (ENTITY_TYPES as readonly unknown[]).includes(e.type) ? String(e.type) : undefined])),
    facts: new Set(facts.keys()),
  });

  for (const name of PACK_TABLES) {
    tables[name].forEach((raw, i) => {
      if (!isPlainObject(raw)) return report.add(label(name, i, raw), undefined, `must be an object (got ${describe(raw)})`);
      const f = new Fields(report, limits, () => label(name, i, raw), raw);
      if (name === 'sources') checkSource(f, limits);
      else CHECKS[name](f, resolver);
    });
  }

  checkAliasClashes(tables.entities, entities, report);

  const errors = report.finish();
  return errors.length === 0 ? { ok: true, pack: input as unknown as FactPack } : { ok: false, errors };
}
