/**
 * A sample sentence marked in one style, on a light and on a dark page: the real mark
 * CSS (lib/overlay/mark-styles.ts), scoped to the swatch so three styles can share the page.
 */
import { t } from '../../lib/i18n';
import { markCss } from '../../lib/overlay/mark-styles';
import type { MarkStyle } from '../../lib/settings';

/** markCss's page-wide rules, each prefixed with the swatch's selector; highlight rules dropped. */
export function previewCss(style: MarkStyle): string {
  const scope = `.mark-preview[data-style="${style}"] `;
  return markCss(style)
    .split('\n')
    .filter((rule) => !rule.startsWith('::highlight'))
    .map((rule) => rule.replace(/(^|\{)mark\.factmark/g, `$1${scope}mark.factmark`))
    .join('\n');
}

function Sample() {
  return (
    <>
      {t('opt_previewBefore')}
      <mark class="factmark factmark-person">{t('opt_previewPerson')}</mark>
      {t('opt_previewMiddle')}
      <mark class="factmark factmark-organisation">{t('opt_previewOrganisation')}</mark>
      {t('opt_previewAfter')}
      <mark class="factmark factmark-place">{t('opt_previewPlace')}</mark>
      {t('opt_previewEnd')}
    </>
  );
}

export function MarkPreview(props: { style: MarkStyle }) {
  return (
    <span class="mark-preview" data-style={props.style} aria-hidden="true">
      <style>{previewCss(props.style)}</style>
      <span class="swatch swatch-light">
        <Sample />
      </span>
      <span class="swatch swatch-dark">
        <Sample />
      </span>
    </span>
  );
}
