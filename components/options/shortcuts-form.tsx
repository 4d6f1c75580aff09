/** The keyboard shortcuts as the browser has them, and the way to change them. */
import { t } from '../../lib/i18n';
import type { Command } from './use-commands';

export interface ShortcutsFormProps {
  commands: Command[] | undefined;
  onOpenSettings(): void;
}

export function ShortcutsForm({ commands, onOpenSettings }: ShortcutsFormProps) {
  return (
    <>
      {commands === undefined ? (
        <p class="empty">{t('opt_loading')}</p>
      ) : commands.length === 0 ? (
        <p class="empty">{t('opt_shortcutsNone')}</p>
      ) : (
        <table class="list">
          <caption class="visually-hidden">{t('opt_shortcutsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('opt_colAction')}</th>
              <th scope="col">{t('opt_colShortcut')}</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((c) => (
              <tr key={c.name} data-command={c.name}>
                <th scope="row">{c.description || c.name}</th>
                <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="hint">{t('opt_shortcutNotSet')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{t('opt_shortcutsHint')}</p>
      <button type="button" onClick={onOpenSettings}>
        {t('opt_shortcutsChange')}
      </button>
    </>
  );
}
