import { describe, expect, it } from 'vitest';
import { compareVersions, exportPack, importPackValue, packFileName, parseSettingsFile, readSettingsFile, serialiseSettings, settingsFileName } from '../../lib/packs';
import { validatePack } from '../../lib/pack/validate';
import { defaultSettings, SETTINGS_VERSION } from '../../lib/settings';
import { freshStore } from '../store/helpers';
import { importablePack, packFile, snapshot } from './fixtures';

describe('exportPack', () => {
  it('writes a pack that validates and imports into another store with the same rows', async () => {
    const db = freshStore();
    await importPackValue(db, await importablePack(), { reservedIds: [] });
    const exported = await exportPack(db, 'my-pack');
    expect(exported).toBeDefined();
    expect(validatePack(exported).ok).toBe(true);
    expect(exported?.deals[0]).not.toHaveProperty('sourceIds');
    expect(exported?.entities[0]).not.toHaveProperty('packId');

    const other = freshStore();
    const result = await importPackValue(other, JSON.parse(JSON.stringify(exported)), { reservedIds: [] });
    expect(result.ok).toBe(true);
    const strip = (rows: Record<string, unknown[]>) => Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, k === 'packs' ? v.length : v]));
    expect(strip(await snapshot(other))).toEqual(strip(await snapshot(db)));
  });

  it('gives nothing for a pack that is not there', async () => {
    expect(await exportPack(freshStore(), 'nope')).toBeUndefined();
  });

  it('names the file after the pack and its version', () => {
    expect(packFileName({ id: 'my-pack', version: '1.2.0' })).toBe('my-pack-1.2.0.json');
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.1', '1.0.0', 1],
    ['1.2.0', '1.10.0', -1],
    ['2.0.0', '1.99.99', 1],
    ['1.0.0-beta', '1.0.0', -1],
    ['1.0.0-alpha.2', '1.0.0-alpha.10', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-rc.1', '1.0.0-beta.9', 1],
    ['1.0.0+build.5', '1.0.0+build.1', 0],
  ])('%s against %s is %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });
});

describe('settings files', () => {
  it('round-trips the settings, mutes and corrections', async () => {
    const settings = { ...defaultSettings(), siteMode: 'opt-in' as const, sites: { 'dawn.com': 'on' as const }, muted: ['khalil-hashmi'], corrections: [{ entityId: 'inp', site: 'tribune.com.pk' }] };
    const text = serialiseSettings(settings, new Date('2025-01-20T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'factmark-settings', version: SETTINGS_VERSION, exportedAt: '2025-01-20T10:00:00.000Z' });
    const read = await readSettingsFile(packFile(text));
    expect(read).toEqual({ ok: true, patch: settings, fromVersion: SETTINGS_VERSION });
  });

  it('migrates a file written by an older version', () => {
    const result = parseSettingsFile({ format: 'factmark-settings', version: 1, settings: { enabled: false, disabledSites: ['dawn.com'], muted: ['inp'] } });
    expect(result).toMatchObject({ ok: true, fromVersion: 1, patch: { enabled: false, siteMode: 'all', sites: { 'dawn.com': 'off' }, muted: ['inp'] } });
  });

  it.each([
    ['not an object', 'null', { kind: 'not-settings' }],
    ['another format', { format: 'factmark-pack', version: 2, settings: {} }, { kind: 'not-settings' }],
    ['a newer version', { format: 'factmark-settings', version: SETTINGS_VERSION + 1, settings: {} }, { kind: 'newer-settings', version: SETTINGS_VERSION + 1 }],
    ['an unknown setting', { format: 'factmark-settings', version: SETTINGS_VERSION, settings: { colour: 'red' } }, { kind: 'invalid-settings', detail: 'unknown setting "colour"' }],
    ['an invalid value', { format: 'factmark-settings', version: SETTINGS_VERSION, settings: { hoverDelayMs: -5 } }, { kind: 'invalid-settings', detail: 'invalid value for setting "hoverDelayMs"' }],
    ['a host that is not one', { format: 'factmark-settings', version: SETTINGS_VERSION, settings: { sites: { '<script>': 'on' } } }, { kind: 'invalid-settings', detail: 'invalid value for setting "sites"' }],
  ])('refuses %s', async (_, content, problem) => {
    expect(await readSettingsFile(packFile(content))).toEqual({ ok: false, problem });
  });

  it('refuses broken JSON and oversized files', async () => {
    expect(await readSettingsFile(packFile('{'))).toMatchObject({ ok: false, problem: { kind: 'not-json' } });
    const huge = { size: 6 * 1024 * 1024, stream: () => new Blob([]).stream() } as unknown as Blob;
    expect(await readSettingsFile(huge)).toMatchObject({ ok: false, problem: { kind: 'too-large' } });
  });

  it('names the file by date', () => {
    expect(settingsFileName(new Date('2025-01-20T23:00:00Z'))).toBe('factmark-settings-2025-01-20.json');
  });
});
