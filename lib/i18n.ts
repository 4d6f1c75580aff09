/**
 * Every UI string goes through `t()`. Messages live in public/_locales/<lang>/messages.json
 * (the browser's own i18n format, so the manifest, the content script and the pages share
 * one catalogue). tests/i18n.test.ts fails when a key used in code is missing.
 *
 * Outside the extension (unit tests, the Node annotate command) `browser.i18n` is absent
 * or returns "", so the English catalogue bundled here is the fallback.
 */
import en from '../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const fallback = en as Catalogue;

export type MessageKey = keyof typeof en;

function substitute(key: string, subs: readonly string[]): string {
  const entry = fallback[key];
  if (!entry) return key;
  let text = entry.message;
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(ph.content.replace('$', '')) - 1;
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), subs[index] ?? '');
  }
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const args = subs.map(String);
  try {
    const i18n = (globalThis as { browser?: { i18n?: { getMessage?: (k: string, s?: string[]) => string } } }).browser?.i18n;
    const message = i18n?.getMessage?.(key, args);
    if (message) return message;
  } catch {
    // Extension context invalidated (the extension was reloaded under a live page): fall back.
  }
  return substitute(key, args);
}

/** The UI language's direction, for `dir` on our roots (Urdu is right-to-left). */
export function uiDirection(): 'ltr' | 'rtl' {
  try {
    const lang = (globalThis as { browser?: { i18n?: { getUILanguage?: () => string } } }).browser?.i18n?.getUILanguage?.() ?? 'en';
    return /^(ar|fa|he|ps|ur|yi)\b/i.test(lang) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
