/**
 * Every UI string goes through `t()`. Messages live in public/_locales/<lang>/messages.json
 * (the browser's own i18n format, so the manifest, the content script and the pages share
 * one catalogue). tests/i18n.test.ts fails when a key used in code is missing.
 *
 * In the extension `browser.i18n` always answers. Outside it (unit tests) it is absent or
 * returns "", and the English catalogue set with setFallbackCatalogue (tests/setup.ts)
 * answers instead. It is not bundled: it was 33 kB of the content script, parsed on every
 * page and frame for nothing.
 */
export type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
let fallback: Catalogue = {};

export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** The messages `t()` uses where the browser has none (unit tests). */
export function setFallbackCatalogue(catalogue: Catalogue): void {
  fallback = catalogue;
}

function substitute(key: string, subs: readonly string[]): string {
  const entry = fallback[key];
  if (!entry) return key;
  // One pass over the message, as Chrome does: a value that itself contains "$1" or "$&"
  // ("US$1.5 million") is inserted as it is, never substituted again.
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, ph]) => [name.toLowerCase(), Number(ph.content.replace('$', '')) - 1]));
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$|\$(\d)/g, (match, name: string | undefined, digit: string | undefined) => {
    const index = name !== undefined ? placeholders.get(name.toLowerCase()) : Number(digit) - 1;
    return index === undefined ? match : (subs[index] ?? '');
  });
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
