import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, defineSettingsItem, updateSettings, type Settings } from '../../lib/settings';
import { onSettingsChanged, readSettings } from '../../lib/settings/read-settings';

// Content scripts read the settings without WXT's storage item: they must see exactly what
// the background's item wrote, and every change it makes.
describe('readSettings', () => {
  it('gives the defaults before anything is stored', async () => {
    expect(await readSettings()).toEqual(defaultSettings());
  });

  it('reads what the settings item wrote', async () => {
    const item = defineSettingsItem();
    await updateSettings((s) => ({ ...s, markStyle: 'bold', muted: ['kh'] }), item);
    expect(await readSettings()).toEqual({ ...defaultSettings(), markStyle: 'bold', muted: ['kh'] });
    expect(await readSettings()).toEqual(await item.getValue());
  });

  it('repairs a broken stored field and keeps the rest', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), hoverDelayMs: 'soon', markStyle: 'bold' } });
    const read = await readSettings();
    expect(read.hoverDelayMs).toBe(defaultSettings().hoverDelayMs);
    expect(read.markStyle).toBe('bold');
  });
});

describe('onSettingsChanged', () => {
  it('hears each change of the settings, repaired, and nothing else; stops when asked', async () => {
    const seen: Settings[] = [];
    const stop = onSettingsChanged((s) => seen.push(s));
    const item = defineSettingsItem();
    await updateSettings((s) => ({ ...s, theme: 'dark' }), item);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.session.set({ settings: { theme: 'light' } });
    expect(seen.map((s) => s.theme)).toEqual(['dark']);
    stop();
    await updateSettings((s) => ({ ...s, theme: 'light' }), item);
    expect(seen).toHaveLength(1);
  });
});
