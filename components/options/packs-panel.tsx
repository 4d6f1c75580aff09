/** Container for the packs section: holds which removal awaits confirmation. */
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { ImportReport } from './import-report';
import { PackImportForm } from './pack-import-form';
import { PackList } from './pack-list';
import type { PacksState } from './use-packs';

export function PacksPanel(props: { packs: PacksState }) {
  const { packs, interrupted, importState, error, importFile, setEnabled, remove, exportOne } = props.packs;
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  return (
    <>
      {packs === undefined ? (
        <p class="empty">{t('opt_loading')}</p>
      ) : (
        <PackList
          packs={packs}
          confirming={confirming}
          onEnable={(id, on) => void setEnabled(id, on)}
          onExport={(id) => void exportOne(id)}
          onAskRemove={setConfirming}
          onRemove={(id) => {
            setConfirming(undefined);
            void remove(id);
          }}
        />
      )}
      {interrupted.map((pack) => (
        <p key={`${pack.id}@${pack.version}`} class="error" role="alert" data-interrupted={pack.id}>
          {t('opt_importInterrupted', pack.name, pack.version)}
        </p>
      ))}
      {error && (
        <p class="error" role="alert">
          {t('opt_actionFailed', error)}
        </p>
      )}
      <h3>{t('opt_importHeading')}</h3>
      <PackImportForm busy={importState.state === 'running'} onFile={(file) => void importFile(file)} />
      <div aria-live="polite" class="live">
        <ImportReport importState={importState} />
      </div>
    </>
  );
}
