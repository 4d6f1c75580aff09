import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  applySettingsPatch,
  defaultSettings,
  defineSettingsItem,
  isActiveOn,
  isCorrectedOn,
  loadSettings,
  normaliseHost,
  normaliseSettings,
  parseSettingsPatch,
  shouldMark,
  updateSettings,
  usesNoMutationMode,
  watchSettings,
  withCorrection,
  withMuted,
  withSiteRule,
  withoutCorrection,
  type Settings,
} from '../../lib/settings';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...patch });

describe('defaults', () => {
  it('marks every type but outlets, underlined, after 350 ms, everywhere', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ enabled: true, siteMode: 'all', markStyle: 'underline', theme: 'auto', hoverDelayMs: 350 });
    expect(DEFAULT_SETTINGS.markTypes).toEqual(['person', 'organisation', 'place', 'initiative']);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});

describe('migrations', () => {
  it('migrates a v1 object to the current version', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false, disabledSites: ['Example.com', 'news.test'], muted: ['khalil-hashmi'] } });
    const item = defineSettingsItem();
    expect(await item.getValue()).toEqual(
      settings({ enabled: false, sites: { 'example.com': 'off', 'news.test': 'off' }, muted: ['khalil-hashmi'] }),
    );
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: SETTINGS_VERSION } });
  });

  it('repairs a v1 object with broken fields', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', disabledSites: 'example.com', muted: [1] } });
    expect(await defineSettingsItem().getValue()).toEqual(defaultSettings());
  });

  it('leaves a current object as it is', async () => {
    const current = settings({ markStyle: 'bold', sites: { 'dawn.com': 'on' } });
    await fakeBrowser.storage.local.set({ settings: current, settings$: { v: SETTINGS_VERSION } });
    expect(await defineSettingsItem().getValue()).toEqual(current);
  });

  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings(defineSettingsItem())).toEqual(defaultSettings());
  });
});

describe('normaliseSettings', () => {
  it.each([
    ['not an object', 'nope', {}],
    ['unknown keys are dropped', { extra: 1 }, {}],
    ['a wrong type falls back per field', { enabled: 'no', theme: 'dark' }, { theme: 'dark' }],
    ['hover delay outside range', { hoverDelayMs: 99999 }, {}],
    ['hosts are normalised', { noMutationSites: ['HTTPS://Example.COM/path', 'a.test.'] }, { noMutationSites: ['example.com', 'a.test'] }],
    ['duplicates are dropped', { muted: ['a', 'a', 'b'] }, { muted: ['a', 'b'] }],
    ['an invalid entry invalidates the list', { markTypes: ['person', 'planet'] }, {}],
    ['corrections are checked', { corrections: [{ entityId: 'x', site: 'Dawn.com' }] }, { corrections: [{ entityId: 'x', site: 'dawn.com' }] }],
    ['bad site rules', { sites: { 'dawn.com': 'maybe' } }, {}],
  ])('%s', (_, stored, expected) => {
    expect(normaliseSettings(stored)).toEqual(settings(expected as Partial<Settings>));
  });
});

describe('parseSettingsPatch', () => {
  it.each([
    [{ theme: 'dark' }, { ok: true, patch: { theme: 'dark' } }],
    [{ sites: { 'Dawn.com': 'off' } }, { ok: true, patch: { sites: { 'dawn.com': 'off' } } }],
    [{}, { ok: true, patch: {} }],
    [{ theme: 'pink' }, { ok: false, error: 'invalid value for setting "theme"' }],
    [{ colour: 'red' }, { ok: false, error: 'unknown setting "colour"' }],
    [{ hoverDelayMs: 1.5 }, { ok: false, error: 'invalid value for setting "hoverDelayMs"' }],
    [{ muted: Array.from({ length: 10_001 }, (_, i) => `e${i}`) }, { ok: false, error: 'invalid value for setting "muted"' }],
    [[], { ok: false, error: 'settings patch must be an object' }],
    [null, { ok: false, error: 'settings patch must be an object' }],
  ])('%j', (input, expected) => {
    expect(parseSettingsPatch(input)).toEqual(expected);
  });

  it('applies a patch over the current settings', () => {
    expect(applySettingsPatch(settings(), { theme: 'light', hoverDelayMs: 0 })).toEqual(settings({ theme: 'light', hoverDelayMs: 0 }));
  });
});

describe('isActiveOn', () => {
  it.each([
    ['default: everywhere', {}, 'dawn.com', true],
    ['globally off', { enabled: false }, 'dawn.com', false],
    ['site turned off', { sites: { 'dawn.com': 'off' } }, 'dawn.com', false],
    ['a domain rule covers subdomains', { sites: { 'dawn.com': 'off' } }, 'www.dawn.com', false],
    ['the most specific rule wins', { sites: { 'dawn.com': 'off', 'epaper.dawn.com': 'on' } }, 'epaper.dawn.com', true],
    ['a suffix is not a parent domain', { sites: { 'dawn.com': 'off' } }, 'notdawn.com', true],
    ['opt-in: off unless on', { siteMode: 'opt-in' }, 'dawn.com', false],
    ['opt-in: on where turned on', { siteMode: 'opt-in', sites: { 'dawn.com': 'on' } }, 'www.dawn.com', true],
    ['opt-in, globally off', { enabled: false, siteMode: 'opt-in', sites: { 'dawn.com': 'on' } }, 'dawn.com', false],
    ['case and trailing dot', { sites: { 'dawn.com': 'off' } }, 'DAWN.com.', false],
    ['no host (file: pages)', {}, '', false],
  ] as const)('%s', (_, patch, host, expected) => {
    expect(isActiveOn(settings(patch as Partial<Settings>), host)).toBe(expected);
  });

  it('withSiteRule sets and clears a rule', () => {
    const off = withSiteRule(settings(), 'Dawn.com', 'off');
    expect(off.sites).toEqual({ 'dawn.com': 'off' });
    expect(withSiteRule(off, 'dawn.com', undefined).sites).toEqual({});
  });

  it.each([
    ['example.com', false],
    ['live.example.org', true],
    ['example.org', true],
  ])('usesNoMutationMode on %s → %s', (host, expected) => {
    expect(usesNoMutationMode(settings({ noMutationSites: ['example.org'] }), host)).toBe(expected);
  });
});

describe('user lists', () => {
  it('mutes and unmutes, once', () => {
    const muted = withMuted(withMuted(settings(), 'a', true), 'a', true);
    expect(muted.muted).toEqual(['a']);
    expect(withMuted(muted, 'a', false).muted).toEqual([]);
  });

  it('records "not this one here" per site, subdomains included', () => {
    const corrected = withCorrection(withCorrection(settings(), { entityId: 'a', site: 'Dawn.com' }), { entityId: 'a', site: 'dawn.com' });
    expect(corrected.corrections).toEqual([{ entityId: 'a', site: 'dawn.com' }]);
    expect(isCorrectedOn(corrected, 'a', 'www.dawn.com')).toBe(true);
    expect(isCorrectedOn(corrected, 'a', 'tribune.com.pk')).toBe(false);
    expect(withoutCorrection(corrected, { entityId: 'a', site: 'dawn.com' }).corrections).toEqual([]);
  });

  it.each([
    [{ id: 'a', type: 'person' }, 'dawn.com', true],
    [{ id: 'a', type: 'outlet' }, 'dawn.com', false],
    [{ id: 'muted', type: 'person' }, 'dawn.com', false],
    [{ id: 'corrected', type: 'person' }, 'dawn.com', false],
    [{ id: 'corrected', type: 'person' }, 'tribune.com.pk', true],
  ] as const)('shouldMark %j on %s → %s', (entity, host, expected) => {
    const s = settings({ muted: ['muted'], corrections: [{ entityId: 'corrected', site: 'dawn.com' }] });
    expect(shouldMark(s, entity, host)).toBe(expected);
  });

  it('normaliseHost strips scheme, path, port and case', () => {
    expect(normaliseHost(' HTTPS://News.Example.com:8443/a?b#c ')).toBe('news.example.com');
  });
});

describe('updateSettings and watchSettings', () => {
  it('runs concurrent changes one after the other, none lost', async () => {
    const item = defineSettingsItem();
    await Promise.all([
      updateSettings((s) => withMuted(s, 'a', true), item),
      updateSettings((s) => withMuted(s, 'b', true), item),
      updateSettings((s) => ({ ...s, theme: 'dark' }), item),
    ]);
    expect(await loadSettings(item)).toMatchObject({ muted: ['a', 'b'], theme: 'dark' });
  });

  it('a failing change does not block the next', async () => {
    const item = defineSettingsItem();
    await expect(updateSettings(() => { throw new Error('nope'); }, item)).rejects.toThrow('nope');
    expect((await updateSettings((s) => ({ ...s, theme: 'light' }), item)).theme).toBe('light');
  });

  it('tells watchers about changes', async () => {
    const item = defineSettingsItem();
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s), item);
    await updateSettings((s) => ({ ...s, markStyle: 'soft' }), item);
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    expect(seen.at(-1)?.markStyle).toBe('soft');
  });
});
