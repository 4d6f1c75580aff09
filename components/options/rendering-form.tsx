/**
 * The rendering mode: where marks are painted with CSS highlights instead of <mark>
 * elements (settings.noMutationSites; lib/overlay/content-app.ts renderChoice).
 */
import { t } from '../../lib/i18n';
import type { Settings, SettingsPatch } from '../../lib/settings';
import { AddHostForm } from './add-host-form';

export interface RenderingFormProps {
  settings: Settings;
  onPatch(patch: SettingsPatch): void;
}

export function RenderingForm({ settings, onPatch }: RenderingFormProps) {
  const sites = [...settings.noMutationSites].sort();
  return (
    <>
      <p>{t('opt_renderingExplain')}</p>
      <p class="hint">{t('opt_renderingAuto')}</p>
      {sites.length === 0 ? (
        <p class="empty">{t('opt_renderingEmpty')}</p>
      ) : (
        <ul class="list plain" aria-label={t('opt_renderingListLabel')}>
          {sites.map((host) => (
            <li key={host} data-host={host}>
              <span class="host">{host}</span>
              <button type="button" aria-label={t('opt_removeNoMutationFor', host)} onClick={() => onPatch({ noMutationSites: settings.noMutationSites.filter((h) => h !== host) })}>
                {t('opt_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddHostForm
        id="add-no-mutation"
        label={t('opt_addNoMutationLabel')}
        submitLabel={t('opt_addNoMutation')}
        onAdd={(host) => onPatch({ noMutationSites: [...settings.noMutationSites.filter((h) => h !== host), host] })}
      />
    </>
  );
}
