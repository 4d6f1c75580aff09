/**
 * The user's settings: one object in browser.storage.local (see settings-item.ts). They
 * also hold the user's own data, mutes and "not this one here" corrections, so a reload
 * of the fact store can never lose them (lib/store/README.md).
 *
 * Everything here is pure: values in, values out. Each field has a reader that accepts
 * only a valid value, used both to repair what storage holds and to check a patch that
 * arrives in a message.
 */
import { ENTITY_TYPES, type EntityType } from '../pack/types';

export type SiteMode = 'all' | 'opt-in';
export type SiteRule = 'on' | 'off';
export type MarkStyle = 'underline' | 'soft' | 'bold';
export type Theme = 'auto' | 'light' | 'dark';

export const SITE_MODES: readonly SiteMode[] = ['all', 'opt-in'];
export const SITE_RULES: readonly SiteRule[] = ['on', 'off'];
export const MARK_STYLES: readonly MarkStyle[] = ['underline', 'soft', 'bold'];
export const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

/** "Not this one here": do not mark `entityId` on `site` (a host; its subdomains too). */
export interface Correction {
  entityId: string;
  site: string;
}

export interface Settings {
  /** The global switch. */
  enabled: boolean;
  /** 'all': every site unless turned off; 'opt-in': only sites turned on. */
  siteMode: SiteMode;
  /** Per-host overrides of siteMode; a rule for a domain covers its subdomains. */
  sites: Record<string, SiteRule>;
  /** Hosts in the no-mutation mode: marks are CSS highlights, the DOM is left untouched. */
  noMutationSites: string[];
  markTypes: EntityType[];
  markStyle: MarkStyle;
  theme: Theme;
  hoverDelayMs: number;
  /** Entity ids never marked anywhere. */
  muted: string[];
  corrections: Correction[];
}

export const HOVER_DELAY_RANGE = { min: 0, max: 5000 } as const;
/** Bounds on the user lists: far beyond real use, small enough for storage.local and messages. */
export const MAX_LIST_LENGTH = 10_000;
const MAX_ID_LENGTH = 200;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  siteMode: 'all',
  sites: {},
  noMutationSites: [],
  // Outlets are in the pack for citations; marking every agency name would be noise.
  markTypes: ENTITY_TYPES.filter((type) => type !== 'outlet'),
  markStyle: 'underline',
  theme: 'auto',
  hoverDelayMs: 350,
  muted: [],
  corrections: [],
});

/** Where the settings live (a WXT storage key: area, then the storage.local key). */
export const SETTINGS_KEY = 'local:settings';

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS) as Settings;
}

/** A host as the settings store it: lower case, no trailing dot, no scheme, path or port. */
export function normaliseHost(input: string): string {
  return input.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
}

const HOST_PATTERN = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,62}[a-z0-9_])?)*$|^\[[0-9a-f:.]+\]$/;

export function isHost(value: unknown): value is string {
  return typeof value === 'string' && HOST_PATTERN.test(value);
}

function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function oneOf<T extends string>(options: readonly T[]) {
  return (value: unknown): T | undefined => (options as readonly unknown[]).includes(value) ? (value as T) : undefined;
}

function listOf<T>(item: (value: unknown) => T | undefined, key: (value: T) => string = String) {
  return (value: unknown): T[] | undefined => {
    if (!Array.isArray(value) || value.length > MAX_LIST_LENGTH) return undefined;
    const seen = new Set<string>();
    const out: T[] = [];
    for (const raw of value) {
      const parsed = item(raw);
      if (parsed === undefined) return undefined;
      if (seen.has(key(parsed))) continue;
      seen.add(key(parsed));
      out.push(parsed);
    }
    return out;
  };
}

const readHost = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const host = normaliseHost(value);
  return isHost(host) ? host : undefined;
};

const readCorrection = (value: unknown): Correction | undefined => {
  if (value === null || typeof value !== 'object') return undefined;
  const { entityId, site } = value as Record<string, unknown>;
  const host = readHost(site);
  return isEntityId(entityId) && host !== undefined ? { entityId, site: host } : undefined;
};

const readSites = (value: unknown): Record<string, SiteRule> | undefined => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_LIST_LENGTH) return undefined;
  const sites: Record<string, SiteRule> = {};
  for (const [rawHost, rawRule] of entries) {
    const host = readHost(rawHost);
    const rule = oneOf(SITE_RULES)(rawRule);
    if (host === undefined || rule === undefined) return undefined;
    sites[host] = rule;
  }
  return sites;
};

type Readers = { [K in keyof Settings]: (value: unknown) => Settings[K] | undefined };

/** One reader per field: the valid (normalised) value, or undefined. */
export const SETTINGS_READERS: Readers = {
  enabled: (v) => (typeof v === 'boolean' ? v : undefined),
  siteMode: oneOf(SITE_MODES),
  sites: readSites,
  noMutationSites: listOf(readHost),
  markTypes: listOf(oneOf(ENTITY_TYPES)),
  markStyle: oneOf(MARK_STYLES),
  theme: oneOf(THEMES),
  hoverDelayMs: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= HOVER_DELAY_RANGE.min && v <= HOVER_DELAY_RANGE.max ? v : undefined),
  muted: listOf((v) => (isEntityId(v) ? v : undefined)),
  corrections: listOf(readCorrection, (c) => `${c.entityId}\u0000${c.site}`),
};

const SETTINGS_KEYS = Object.keys(SETTINGS_READERS) as Array<keyof Settings>;

function setField<K extends keyof Settings>(target: Partial<Settings>, key: K, value: Settings[K]): void {
  target[key] = value;
}

/** Whatever storage holds, as valid Settings: each broken or missing field gets its default. */
export function normaliseSettings(value: unknown): Settings {
  const source = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const settings = defaultSettings();
  for (const key of SETTINGS_KEYS) {
    const parsed = SETTINGS_READERS[key](source[key]);
    if (parsed !== undefined) setField(settings, key, parsed);
  }
  return settings;
}

export type SettingsPatch = Partial<Settings>;

/** Checks a patch from a message: known keys only, each valid. Returns the reason otherwise. */
export function parseSettingsPatch(value: unknown): { ok: true; patch: SettingsPatch } | { ok: false; error: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'settings patch must be an object' };
  const patch: SettingsPatch = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!(SETTINGS_KEYS as string[]).includes(key)) return { ok: false, error: `unknown setting "${key}"` };
    const typedKey = key as keyof Settings;
    const parsed = SETTINGS_READERS[typedKey](raw);
    if (parsed === undefined) return { ok: false, error: `invalid value for setting "${key}"` };
    setField(patch, typedKey, parsed);
  }
  return { ok: true, patch };
}

export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return normaliseSettings({ ...settings, ...patch });
}
