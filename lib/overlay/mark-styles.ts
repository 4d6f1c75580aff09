/**
 * Styles for marks, injected once per document. Marks must never move text: no padding,
 * border, margin or font change; colour comes from a translucent background and an inset
 * box-shadow underline, legible on light and dark pages alike. The same colours paint
 * ::highlight() ranges in the no-mutation mode.
 */
import type { EntityType } from '../pack/types';
import type { MarkStyle } from '../settings';
import { OWN_UI_ATTRIBUTE } from './text-blocks';

/** Hues per entity type (OKLCH-ish picks that keep AA contrast for the text under them). */
const COLOURS: Record<EntityType, string> = {
  person: '37, 99, 235',
  organisation: '5, 150, 105',
  place: '217, 119, 6',
  initiative: '147, 51, 234',
  outlet: '100, 116, 139',
};

function rules(type: EntityType, style: MarkStyle): string {
  const rgb = COLOURS[type];
  switch (style) {
    case 'soft':
      return `background-color: rgba(${rgb}, 0.22); box-shadow: none;`;
    case 'bold':
      return `background-color: rgba(${rgb}, 0.32); box-shadow: inset 0 -2px 0 rgba(${rgb}, 0.95);`;
    case 'underline':
    default:
      return `background-color: rgba(${rgb}, 0.10); box-shadow: inset 0 -2px 0 rgba(${rgb}, 0.85);`;
  }
}

export function markCss(style: MarkStyle): string {
  const types = Object.keys(COLOURS) as EntityType[];
  const base = `mark.factmark{all:unset;display:inline;color:inherit;font:inherit;line-height:inherit;cursor:help;border-radius:2px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.factmark:focus-visible{outline:2px solid Highlight;outline-offset:1px}
@media (forced-colors: active){mark.factmark{forced-color-adjust:none;background:Mark;color:MarkText}}`;
  const perType = types.map((t) => `mark.factmark-${t}{${rules(t, style)}}\n::highlight(factmark-${t}){${rules(t, style).replace(/box-shadow:[^;]*;/, 'text-decoration: underline 2px rgba(' + COLOURS[t] + ', 0.85);')}}`);
  return [base, ...perType].join('\n');
}

/**
 * Adds (or updates) our styles; returns a function that removes them. A constructed
 * stylesheet in `adoptedStyleSheets` is not subject to the page's Content-Security-Policy
 * (a strict `style-src` would block a <style> element) and adds no node to the page.
 */
export function installMarkStyles(doc: Document, style: MarkStyle): () => void {
  const css = markCss(style);
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in doc) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      // Older engines: fall through to a <style> element.
    }
  }
  const el = doc.createElement('style');
  el.setAttribute(OWN_UI_ATTRIBUTE, 'marks');
  el.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(el);
  return () => el.remove();
}
