/**
 * Run-time checks for every message, where it is received. Hand-written on purpose: a
 * few small readers, one validator per message, each returning the reason a message is
 * malformed or null when it is fine. Unknown fields are refused too: a message that
 * carries more than we know of was not written for this version.
 */
import { ENTITY_TYPES } from '../pack/types';
import { PREPARE_MATCHER_MAX_CHARS } from '../packs/limits';
import { parseSettingsPatch, SETTINGS_READERS } from '../settings/settings';
import type { BackgroundType, ContentType } from './protocol';

export type Fields = Record<string, unknown>;
/** The reason the message is malformed, or null. */
export type Validator = (message: Fields) => string | null;

export const LIMITS = { dictionaryJson: PREPARE_MATCHER_MAX_CHARS, blocks: 200_000, pageText: 20_000_000, id: 200, ids: 10_000, quote: 5_000, count: 1_000_000, site: 253, query: 200, searchLimit: 50 } as const;

type Check = (value: unknown) => boolean;

const isString = (max: number): Check => (v) => typeof v === 'string' && v.length > 0 && v.length <= max;
const isId = isString(LIMITS.id);
const isIdList: Check = (v) => Array.isArray(v) && v.length <= LIMITS.ids && v.every(isId);
const isBool: Check = (v) => typeof v === 'boolean';
const isTabId: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isCount: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.count;
const optional = (check: Check): Check => (v) => v === undefined || check(v);

/** Checks each listed field and refuses any other (except `type`). */
function fields(spec: Record<string, Check>): Validator {
  return (message) => {
    for (const key of Object.keys(message)) {
      if (key !== 'type' && !(key in spec)) return `unexpected field "${key}"`;
    }
    for (const [key, check] of Object.entries(spec)) {
      if (!check(message[key])) return `invalid or missing field "${key}"`;
    }
    return null;
  };
}

const none = fields({});

/** A page's text blocks for matchBlocks: bounded so one message cannot exhaust the background. */
const isBlockList: Check = (v) => {
  if (!Array.isArray(v) || v.length > LIMITS.blocks) return false;
  let total = 0;
  for (const b of v) {
    if (b === null || typeof b !== 'object' || typeof (b as Fields).text !== 'string' || typeof (b as Fields).heading !== 'boolean') return false;
    total += ((b as Fields).text as string).length;
    if (total > LIMITS.pageText) return false;
  }
  return true;
};
const isTypeList: Check = (v) => Array.isArray(v) && v.length <= ENTITY_TYPES.length && v.every((t) => (ENTITY_TYPES as readonly unknown[]).includes(t));

export const BACKGROUND_VALIDATORS: { readonly [K in BackgroundType]: Validator } = {
  getStatus: none,
  getDictionary: none,
  matchBlocks: fields({ blocks: isBlockList, types: isTypeList }),
  getEntityCard: fields({ id: isId }),
  getDeals: fields({ entityIds: isIdList }),
  getAllDeals: none,
  getDealBundle: fields({ entityIds: optional(isIdList) }),
  getSource: fields({ id: isId, packId: optional(isId) }),
  getSettings: none,
  updateSettings: (message) => {
    const shape = fields({ patch: (v) => v !== null && typeof v === 'object' })(message);
    if (shape) return shape;
    const parsed = parseSettingsPatch(message.patch);
    return parsed.ok ? null : parsed.error;
  },
  muteEntity: fields({ id: isId, muted: optional(isBool) }),
  addCorrection: fields({ entityId: isId, site: isString(LIMITS.site) }),
  reportPageState: fields({ entityIds: isIdList, count: isCount, active: optional(isBool) }),
  getTabState: fields({ tabId: isTabId }),
  openSidePanel: fields({ tabId: optional(isTabId) }),
  openSource: fields({ sourceId: isId, packId: optional(isId), quote: optional(isString(LIMITS.quote)) }),
  focusMarkInTab: fields({ tabId: isTabId, entityId: isId }),
  setPackEnabled: fields({ packId: isId, enabled: isBool }),
  removePack: fields({ packId: isId }),
  packsChanged: none,
  prepareMatcher: fields({ packId: isId, hash: isId, entriesJson: isString(LIMITS.dictionaryJson) }),
  runOnTab: fields({ tabId: isTabId }),
  // An empty query is allowed: it warms the index (protocol.ts).
  search: fields({ query: (v) => typeof v === 'string' && v.length <= LIMITS.query, limit: optional((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= LIMITS.searchLimit) }),
  getEntitySummaries: fields({ ids: isIdList }),
};

export const CONTENT_VALIDATORS: { readonly [K in ContentType]: Validator } = {
  // The background sends what it read through the same readers; check it all the same.
  settingsChanged: fields({ settings: (v) => v !== null && typeof v === 'object' && Object.entries(SETTINGS_READERS).every(([k, read]) => read((v as Fields)[k]) !== undefined) }),
  focusMark: fields({ entityId: isId }),
  togglePage: none,
  stepMark: fields({ direction: (v) => v === 'next' || v === 'previous' }),
  ping: none,
  packsChanged: none,
};

/** The message's type if it is an object with a known `type`, else the reason it is not. */
export function messageType<T extends string>(message: unknown, known: { readonly [K in T]: Validator }): { type: T } | { error: string } {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return { error: 'message is not an object' };
  const { type } = message as Fields;
  if (typeof type !== 'string') return { error: 'message has no type' };
  if (!Object.hasOwn(known, type)) return { error: `unknown message type "${type.slice(0, 60)}"` };
  return { type: type as T };
}
