/**
 * The settings as a WXT storage item (`local:settings`): versioned, migrated on startup,
 * watchable from any context. Writes go through `updateSettings`, which serialises
 * read-modify-write within one context; only the background writes (see lib/messaging).
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { defaultSettings, normaliseSettings, SETTINGS_KEY, type Settings } from './settings';


export type SettingsItem = WxtStorageItem<Settings, Record<string, never>>;

/** A new item over `local:settings`. Defining it runs pending migrations. */
export function defineSettingsItem(): SettingsItem {
  return storage.defineItem<Settings, Record<string, never>>(SETTINGS_KEY, {
    fallback: defaultSettings(),
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}

let shared: SettingsItem | undefined;
/** The item this context uses (defined on first use, so importing this module is free). */
export function settingsItem(): SettingsItem {
  shared ??= defineSettingsItem();
  return shared;
}

/** The stored settings, repaired field by field if storage holds anything invalid. */
export async function loadSettings(item: SettingsItem = settingsItem()): Promise<Settings> {
  return normaliseSettings(await item.getValue());
}

let queue: Promise<unknown> = Promise.resolve();

/** Applies `change` to the current settings and stores the result; changes run one at a time. */
export function updateSettings(change: (current: Settings) => Settings, item: SettingsItem = settingsItem()): Promise<Settings> {
  const run = queue.then(async () => {
    const next = normaliseSettings(change(await loadSettings(item)));
    await item.setValue(next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Calls `onChange` with the repaired settings whenever they change, in any context. */
export function watchSettings(onChange: (settings: Settings) => void, item: SettingsItem = settingsItem()): () => void {
  return item.watch((value) => onChange(normaliseSettings(value)));
}
