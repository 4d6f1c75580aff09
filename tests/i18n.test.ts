/**
 * Every UI string goes through t(): this checks that every key the code uses (in t()
 * calls and the manifest's __MSG_…__ placeholders) is in the English catalogue, and that
 * every message's placeholders are declared. Chinese and Urdu catalogues, when they come,
 * must hold the same keys (checked here for every locale folder present).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../lib/i18n';

const ROOT = join(__dirname, '..');
const locales = readdirSync(join(ROOT, 'public/_locales'));
const catalogue = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Catalogue;
const en = catalogue('en');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const files = ['lib', 'components', 'entrypoints'].flatMap((d) => sources(join(ROOT, d))).concat(join(ROOT, 'wxt.config.ts'));
const used = new Map<string, string>();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.set(m[1]!, relative(ROOT, file));
  for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.set(m[1]!, relative(ROOT, file));
}

describe('i18n', () => {
  it('finds the keys the code uses', () => {
    expect(used.size).toBeGreaterThan(5);
  });

  it.each([...used])('has "%s" (used in %s) in the English catalogue', (key) => {
    expect(en[key]?.message, key).toBeTruthy();
  });

  it.each(Object.entries(en))('declares the placeholders of "%s"', (_key, entry) => {
    for (const name of entry.message.match(/\$([A-Za-z0-9_]+)\$/g) ?? []) {
      expect(Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase())).toContain(name.slice(1, -1).toLowerCase());
    }
  });

  it.each(locales.filter((l) => l !== 'en'))('locale %s has every English key', (lang) => {
    expect(Object.keys(catalogue(lang)).sort()).toEqual(Object.keys(en).sort());
  });
});
