/**
 * The locale numbers and dates are written in: the browser's UI language (the same one
 * `t()` picks messages for), so "39.09 billion" and "20 January 2025" read the way the
 * rest of the card does. Outside the extension (unit tests) it is English.
 */
export function uiLocale(): string {
  try {
    const lang = (globalThis as { browser?: { i18n?: { getUILanguage?: () => string } } }).browser?.i18n?.getUILanguage?.();
    if (lang && Intl.NumberFormat.supportedLocalesOf([lang]).length > 0) return lang;
  } catch {
    // Extension context invalidated, or an invalid tag: fall through.
  }
  return 'en';
}
