/** The installed packs, each with its switch, export and (for imported packs) removal. */
import { t } from '../../lib/i18n';
import { focusOnMount } from './focus-on-mount';
import type { PackMeta } from '../../lib/store';

export interface PackListProps {
  packs: PackMeta[];
  /** The pack whose removal waits for a second, confirming press. */
  confirming: string | undefined;
  onEnable(packId: string, enabled: boolean): void;
  onExport(packId: string): void;
  onAskRemove(packId: string | undefined): void;
  onRemove(packId: string): void;
}

function counts(meta: PackMeta): string {
  const c = meta.counts;
  return t('opt_packCounts', c.entities, c.facts, c.deals, c.sources);
}

function installed(meta: PackMeta): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(meta.installedAt);
}

function PackItem(props: PackListProps & { meta: PackMeta }) {
  const { meta, confirming } = props;
  const titleId = `pack-${meta.id}-title`;
  return (
    <li class="pack" data-pack={meta.id} aria-labelledby={titleId}>
      <div class="pack-head">
        <h3 id={titleId}>{meta.name}</h3>
        <span class={`badge badge-${meta.kind}`}>{meta.kind === 'bundled' ? t('opt_packBundled') : t('opt_packImported')}</span>
      </div>
      <p class="pack-meta">
        <span>{t('opt_packIdVersion', meta.id, meta.version)}</span>
        <span>{counts(meta)}</span>
        <span>{t('opt_packInstalled', installed(meta))}</span>
        {meta.state === 'writing' && <span class="hint">{t('opt_packWriting')}</span>}
      </p>
      <div class="actions">
        <label class="check">
          <input type="checkbox" checked={meta.enabled} onChange={(e) => props.onEnable(meta.id, e.currentTarget.checked)} />
          {t('opt_packUse')}
        </label>
        <button type="button" aria-label={t('opt_packExportFor', meta.name)} disabled={meta.state === 'writing'} onClick={() => props.onExport(meta.id)}>
          {t('opt_packExport')}
        </button>
        {meta.kind === 'bundled' ? (
          <span class="hint">{t('opt_packBundledKeep')}</span>
        ) : (
          <button type="button" id={`remove-${meta.id}`} aria-label={t('opt_packRemoveFor', meta.name)} aria-expanded={confirming === meta.id} onClick={() => props.onAskRemove(meta.id)}>
            {t('opt_remove')}
          </button>
        )}
        {confirming === meta.id && (
          <span class="confirm" role="group" aria-labelledby={`confirm-${meta.id}`}>
            <span id={`confirm-${meta.id}`}>{t('opt_packConfirmRemove', meta.name)}</span>
            <button type="button" class="danger" ref={focusOnMount} onClick={() => props.onRemove(meta.id)}>
              {t('opt_packRemoveYes')}
            </button>
            <button
              type="button"
              onClick={() => {
                props.onAskRemove(undefined);
                document.getElementById(`remove-${meta.id}`)?.focus();
              }}
            >
              {t('opt_cancel')}
            </button>
          </span>
        )}
      </div>
    </li>
  );
}

export function PackList(props: PackListProps) {
  if (props.packs.length === 0) return <p class="empty">{t('opt_packsEmpty')}</p>;
  return (
    <ul class="packs" aria-label={t('opt_packsListLabel')}>
      {props.packs.map((meta) => (
        <PackItem {...props} meta={meta} key={meta.id} />
      ))}
    </ul>
  );
}
