/** The words for an import's outcome and progress (lib/packs gives them as data). */
import { t } from '../../lib/i18n';
import type { ImportProblem, ImportProgress, SettingsProblem } from '../../lib/packs';

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(mb)} MB`;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
}

/** One sentence; every refusal also says that nothing was changed. */
export function problemText(problem: ImportProblem | SettingsProblem): string {
  switch (problem.kind) {
    case 'too-large':
      return t('opt_problemTooLarge', formatBytes(problem.size), formatBytes(problem.limit));
    case 'empty':
      return t('opt_problemEmpty');
    case 'unreadable':
      return t('opt_problemUnreadable', problem.detail);
    case 'not-json':
      return t('opt_problemNotJson', problem.detail);
    case 'invalid':
      return t('opt_problemInvalid', problem.errors.length);
    case 'hash-mismatch':
      return t('opt_problemHash', problem.packId);
    case 'bundled-id':
      return t('opt_problemBundledId', problem.packId);
    case 'not-newer':
      return t('opt_problemNotNewer', problem.packId, problem.version, problem.installed);
    case 'quota':
      return t('opt_problemQuota');
    case 'store':
      return t('opt_problemStore', problem.detail);
    case 'not-settings':
      return t('opt_problemNotSettings');
    case 'newer-settings':
      return t('opt_problemNewerSettings', problem.version);
    case 'invalid-settings':
      return t('opt_problemInvalidSettings', problem.detail);
  }
}

/**
 * The progress bar's label (kept free of numbers: it sits in a live region, and a label
 * that changed every frame would be read out every frame) and its value from 0 to 1
 * (undefined: no measure, an indeterminate bar).
 */
export function progressText(progress: ImportProgress): { label: string; fraction: number | undefined } {
  const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  switch (progress.phase) {
    case 'reading':
      return { label: t('opt_progressReading'), fraction };
    case 'checking':
      return { label: t('opt_progressChecking'), fraction: undefined };
    case 'writing':
      return { label: t('opt_progressWriting'), fraction };
  }
}
