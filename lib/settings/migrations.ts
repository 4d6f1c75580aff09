/**
 * Versions of the stored settings object. WXT's storage item runs these in order when it
 * finds an older version (https://wxt.dev/storage.html#versioning-with-migrations).
 * Never change a migration that has shipped: add the next version.
 *
 * v1 was the first sketch of the settings: a switch, a list of hosts turned off and a
 * list of muted entities. v2 is the shape in settings.ts: a site mode with per-host
 * on/off rules, and the display and matching options. No release shipped v1; its
 * migration is kept so the path an upgrade takes is tested before one is needed.
 */
import type { Settings } from './settings';
import { normaliseSettings } from './settings';

export const SETTINGS_VERSION = 2;

export interface SettingsV1 {
  enabled?: boolean;
  disabledSites?: string[];
  muted?: string[];
}

function migrateV1ToV2(old: unknown): Settings {
  const v1 = (old !== null && typeof old === 'object' ? old : {}) as SettingsV1;
  const sites = Object.fromEntries((Array.isArray(v1.disabledSites) ? v1.disabledSites : []).map((host) => [host, 'off']));
  return normaliseSettings({ enabled: v1.enabled, siteMode: 'all', sites, muted: v1.muted });
}

// WXT types a migration's input as `any`; ours take `unknown` and check what they read.
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateV1ToV2,
};
