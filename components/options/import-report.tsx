/**
 * How an import is going or went: a progress bar, then what was imported or why not.
 * Everything from the file (names, ids, validation messages quoting it) is text here.
 */
import { t } from '../../lib/i18n';
import type { PackError } from '../../lib/pack/validate';
import { problemText, progressText } from './import-messages';
import type { ImportState } from './use-packs';

function ErrorList(props: { errors: PackError[] }) {
  return (
    <ol class="pack-errors" aria-label={t('opt_importErrorsLabel')}>
      {props.errors.map((error, i) => (
        <li key={i}>
          <code class="record">{error.record}</code>
          {error.field !== undefined && (
            <>
              {' · '}
              <code class="field">{error.field}</code>
            </>
          )}
          {': '}
          <span class="message">{error.message}</span>
        </li>
      ))}
    </ol>
  );
}

export function ImportReport(props: { importState: ImportState }) {
  const s = props.importState;
  if (s.state === 'idle') return null;
  if (s.state === 'running') {
    const { label, fraction } = progressText(s.progress);
    return (
      <div class="import-progress">
        <label for="import-progress">{label}</label>
        {/* No value: an indeterminate bar while the pack is checked (no measure there). */}
        {fraction === undefined ? <progress id="import-progress" /> : <progress id="import-progress" max={100} value={Math.round(fraction * 100)} />}
      </div>
    );
  }
  if (s.state === 'done') {
    return (
      <p class="result ok" data-result="ok" data-file={s.fileName}>
        {s.replaced === undefined ? t('opt_importDone', s.meta.name, s.meta.version, s.meta.counts.entities) : t('opt_importReplaced', s.meta.name, s.replaced, s.meta.version)}
      </p>
    );
  }
  return (
    <div class="result failed" data-result="failed" data-problem={s.problem.kind} data-file={s.fileName}>
      <p>
        <strong>{t('opt_importFailed', s.fileName)}</strong> {problemText(s.problem)}
      </p>
      {s.problem.kind === 'invalid' && <ErrorList errors={s.problem.errors} />}
    </div>
  );
}
