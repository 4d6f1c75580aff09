/** The user's own lists: muted entities, "not this one here" corrections, marked types. */
import type { EntityType } from '../pack/types';
import { hostAndParents } from './site-rules';
import { MAX_LIST_LENGTH, normaliseHost, type Correction, type Settings } from './settings';

export function isMuted(settings: Settings, entityId: string): boolean {
  return settings.muted.includes(entityId);
}

export function isTypeMarked(settings: Settings, type: EntityType): boolean {
  return settings.markTypes.includes(type);
}

/** Whether the user said `entityId` is "not this one" on `host` (or a domain above it). */
export function isCorrectedOn(settings: Settings, entityId: string, host: string): boolean {
  const covered = new Set(hostAndParents(host));
  return settings.corrections.some((c) => c.entityId === entityId && covered.has(c.site));
}

/** Whether an entity should be marked on `host`, as far as the user's lists say. */
export function shouldMark(settings: Settings, entity: { id: string; type: EntityType }, host: string): boolean {
  return isTypeMarked(settings, entity.type) && !isMuted(settings, entity.id) && !isCorrectedOn(settings, entity.id, host);
}

/** Lists are capped: past the cap the oldest entries go, so a user action never fails. */
function capped<T>(list: readonly T[]): T[] {
  return list.slice(Math.max(0, list.length - MAX_LIST_LENGTH));
}

export function withMuted(settings: Settings, entityId: string, muted: boolean): Settings {
  const others = settings.muted.filter((id) => id !== entityId);
  return { ...settings, muted: muted ? capped([...others, entityId]) : others };
}

const sameCorrection = (a: Correction) => (b: Correction) => a.entityId === b.entityId && a.site === b.site;

export function withCorrection(settings: Settings, correction: Correction): Settings {
  const entry = { entityId: correction.entityId, site: normaliseHost(correction.site) };
  if (settings.corrections.some(sameCorrection(entry))) return settings;
  return { ...settings, corrections: capped([...settings.corrections, entry]) };
}

export function withoutCorrection(settings: Settings, correction: Correction): Settings {
  const entry = { entityId: correction.entityId, site: normaliseHost(correction.site) };
  return { ...settings, corrections: settings.corrections.filter((c) => !sameCorrection(entry)(c)) };
}
