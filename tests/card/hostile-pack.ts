/**
 * A fact pack whose every text field carries markup and script, for the "rendered as
 * text" tests (unit and real-browser). A field rendered as HTML would create an element
 * or run a handler; rendered as text it shows these characters.
 */
import type { FactPack } from '../../lib/pack/types';
import { makeSmallPack } from '../fixtures/small-pack';

export const HOSTILE = `<img src=x onerror="window.__factmarkPwned=1"><script>window.__factmarkPwned=2</script><iframe src="javascript:window.__factmarkPwned=3"></iframe>`;

/** Every string a reader sees, with HOSTILE added; ids and kinds stay valid. */
export function makeHostilePack(): FactPack {
  const pack = makeSmallPack();
  const evil = (s: string) => `${s} ${HOSTILE}`;
  for (const s of pack.sources) Object.assign(s, { title: evil(s.title), outlet: evil(s.outlet ?? ''), dateText: evil(s.dateText ?? ''), text: evil(s.text) });
  for (const e of pack.entities) Object.assign(e, { name: evil(e.name), description: evil(e.description) });
  // Role quotes stay verbatim, so the source page has a passage to highlight; the rest carry markup.
  for (const r of pack.roles) Object.assign(r, { title: evil(r.title) });
  for (const f of pack.facts) {
    Object.assign(f, { text: evil(f.text), quote: evil(f.quote) });
    if (f.figure) Object.assign(f.figure, { measure: evil(f.figure.measure), period: evil('2024'), unit: evil(f.figure.unit) });
  }
  for (const d of pack.deals) {
    Object.assign(d, { title: evil(d.title), summary: evil(d.summary), quote: evil(d.quote) });
    for (const c of d.citations ?? []) c.quote = evil(c.quote);
  }
  return pack;
}
