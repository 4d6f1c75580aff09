/** Choosing a pack file to import: a native file input (keyboard: Tab to it, Enter or Space). */
import { t } from '../../lib/i18n';
import { MAX_PACK_FILE_BYTES } from '../../lib/packs';
import { formatBytes } from './import-messages';

export interface PackImportFormProps {
  busy: boolean;
  onFile(file: File): void;
}

export function PackImportForm(props: PackImportFormProps) {
  return (
    <div class="field file-field">
      <label for="pack-file">{t('opt_importLabel')}</label>
      <input
        id="pack-file"
        type="file"
        accept=".json,application/json"
        disabled={props.busy}
        aria-describedby="pack-file-hint"
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) imports again.
          input.value = '';
          if (file) props.onFile(file);
        }}
      />
      <p class="hint" id="pack-file-hint">
        {t('opt_importHint', formatBytes(MAX_PACK_FILE_BYTES))}
      </p>
    </div>
  );
}
