/**
 * Container: saving the settings (with mutes and corrections) to a file and reading one
 * back. The file is checked by lib/packs/settings-file.ts before anything changes.
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { downloadText, readSettingsFile, serialiseSettings, settingsFileName } from '../../lib/packs';
import type { Settings, SettingsPatch } from '../../lib/settings';
import { problemText } from './import-messages';

export interface BackupPanelProps {
  settings: Settings;
  onPatch(patch: SettingsPatch): Promise<boolean>;
}

type Outcome = { ok: boolean; text: string } | undefined;

export function BackupPanel({ settings, onPatch }: BackupPanelProps) {
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const onFile = async (file: File) => {
    const result = await readSettingsFile(file);
    if (!result.ok) return setOutcome({ ok: false, text: t('opt_settingsImportFailed', file.name, problemText(result.problem)) });
    const applied = await onPatch(result.patch);
    setOutcome(applied ? { ok: true, text: t('opt_settingsImported', file.name) } : { ok: false, text: t('opt_settingsImportFailed', file.name, '') });
  };
  return (
    <>
      <button type="button" onClick={() => downloadText(document, settingsFileName(), serialiseSettings(settings))}>
        {t('opt_settingsExport')}
      </button>
      <div class="field file-field">
        <label for="settings-file">{t('opt_settingsImportLabel')}</label>
        <input
          id="settings-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="settings-file-hint"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void onFile(file);
          }}
        />
        <p class="hint" id="settings-file-hint">
          {t('opt_settingsImportHint')}
        </p>
      </div>
      <div aria-live="polite" class="live">
        {outcome && (
          <p class={`result ${outcome.ok ? 'ok' : 'failed'}`} data-result={outcome.ok ? 'ok' : 'failed'}>
            {outcome.text}
          </p>
        )}
      </div>
    </>
  );
}
