import { describe, expect, it } from 'vitest';
import { luminance, pageTone, parseColor, resolveTheme } from '../../lib/card/page-theme';

describe('page theme', () => {
  it.each<[string, ReturnType<typeof parseColor>]>([
    ['rgb(255, 255, 255)', [255, 255, 255, 1]],
    ['rgba(0, 0, 0, 0)', [0, 0, 0, 0]],
    ['rgb(24 26 27 / 50%)', [24, 26, 27, 0.5]],
    ['transparent', [0, 0, 0, 0]],
    ['color(srgb 1 1 1)', undefined],
  ])('parses %s', (css, expected) => {
    expect(parseColor(css)).toEqual(expected);
  });

  it.each<[string, string[], 'light' | 'dark' | undefined]>([
    ['a white page', ['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'], 'light'],
    ['a dark site', ['rgb(18, 18, 18)', 'rgba(0, 0, 0, 0)'], 'dark'],
    ['a page recoloured by a dark-mode extension', ['rgb(24, 26, 27)', 'rgb(24, 26, 27)'], 'dark'],
    ['the body wins over html', ['rgb(250, 249, 246)', 'rgb(0, 0, 0)'], 'light'],
    ['nothing painted: unknown', ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], undefined],
  ])('reads %s', (_name, backgrounds, tone) => {
    expect(pageTone(backgrounds)).toBe(tone);
  });

  it('resolves auto to the page, else the system; explicit choices win', () => {
    expect(resolveTheme('auto', 'dark')).toBe('dark');
    expect(resolveTheme('auto', undefined)).toBe('auto');
    expect(resolveTheme('light', 'dark')).toBe('light');
    expect(resolveTheme('dark', 'light')).toBe('dark');
    expect(luminance([255, 255, 255, 1])).toBeCloseTo(1);
  });
});
