/**
 * The theme 'auto' resolves to: the page's own tone where the page paints a background
 * (a dark site, or a light one turned dark by a dark-mode extension, gets a dark card),
 * else the system's (prefers-color-scheme, left to the card's CSS).
 */
import type { Theme } from '../settings/settings';

type Rgba = [number, number, number, number];

/** "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "rgb(1 2 3 / 50%)": what getComputedStyle returns. */
export function parseColor(css: string): Rgba | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/i.exec(css.trim());
  if (!m) return css.trim() === 'transparent' ? [0, 0, 0, 0] : undefined;
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** 'dark' or 'light' from the first opaque background of <body> and <html>; undefined if neither paints one. */
export function pageTone(backgrounds: readonly string[]): 'light' | 'dark' | undefined {
  for (const css of backgrounds) {
    const rgba = parseColor(css);
    if (rgba && rgba[3] >= 0.5) return luminance(rgba) < 0.2 ? 'dark' : 'light';
  }
  return undefined;
}

export function readPageTone(doc: Document): 'light' | 'dark' | undefined {
  const view = doc.defaultView;
  if (!view) return undefined;
  const of = (el: Element | null) => (el ? view.getComputedStyle(el).backgroundColor : '');
  return pageTone([of(doc.body), of(doc.documentElement)]);
}

export function resolveTheme(setting: Theme, tone: 'light' | 'dark' | undefined): Theme {
  return setting === 'auto' ? (tone ?? 'auto') : setting;
}
