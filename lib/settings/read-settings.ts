/**
 * The settings as content scripts read them: straight from browser.storage.local under
 * the key WXT's item uses (settings-item.ts), repaired by normaliseSettings. Defining the
 * WXT item instead runs its migration check — two storage round trips and its code on
 * every page and frame, measured as a good part of the content script's cost on a page
 * with no mentions. Content scripts never write or migrate settings: the background does,
 * on startup, and every change reaches here through storage.onChanged.
 */
import { browser } from 'wxt/browser';
import { normaliseSettings, SETTINGS_KEY, type Settings } from './settings';

/** The key in storage.local ("local:settings" without its area). */
const KEY = SETTINGS_KEY.slice(SETTINGS_KEY.indexOf(':') + 1);

export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY)) as Record<string, unknown>;
  // Nothing stored yet (first run, before the background wrote anything): the defaults.
  return normaliseSettings(stored[KEY]);
}

/** Calls `onChange` with the repaired settings whenever they change. */
export function onSettingsChanged(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(normaliseSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
