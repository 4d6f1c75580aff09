/**
 * "This page": what Factmark marked in the tab, each name opening its card, and the
 * switches for this site, all sites and the no-mutation mode, plus the options page.
 * A render of props; the state and the messages are popup-app.tsx's.
 */
import { typeLabel } from '../../lib/card/card-model';
import { t, type MessageKey } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import type { EntitySummary } from '../../lib/store/views';
import type { ClosedReason } from './page-access';
import { noMutationOn, siteOn } from './site-switches';
import type { PageInfo } from './use-page';

export interface PagePanelProps {
  page: PageInfo;
  settings: Settings | undefined;
  status: string;
  onOpenEntity(entity: EntitySummary): void;
  onShowOnPage(entity: EntitySummary): void;
  onSite(on: boolean): void;
  onAllSites(on: boolean): void;
  onNoMutation(on: boolean): void;
  onReadPage(): void;
  onOptions(): void;
}

const CLOSED: Readonly<Record<ClosedReason, MessageKey>> = {
  browser: 'popupClosedBrowser',
  store: 'popupClosedStore',
  extension: 'popupClosedExtension',
  file: 'popupClosedFile',
  // The browser hides the URL of its own pages from extensions without the tabs permission.
  unknown: 'popupClosedBrowser',
};

function Summary({ page, settings, site, onReadPage }: { page: PageInfo; settings: Settings; site: string; onReadPage(): void }) {
  const { state, entities } = page;
  if (!settings.enabled) return <p class="note">{t('popupOffEverywhere')}</p>;
  if (site !== '' && !siteOn(settings, site)) return <p class="note">{t('popupOffHere')}</p>;
  if (state === undefined) return <p class="note">{t('popupReading')}</p>;
  if (state === null)
    return (
      <p class="note">
        {t('popupNotRead')}{' '}
        <button type="button" class="link" onClick={onReadPage}>
          {t('popupReadPage')}
        </button>
      </p>
    );
  if (state.count === 0) return <p class="note">{t('popupNoneHere')}</p>;
  return <p class="count">{t('popupCount', entities.length || state.entityIds.length, state.count)}</p>;
}

function EntityItems({ entities, onOpen, onShow }: { entities: EntitySummary[]; onOpen(e: EntitySummary): void; onShow(e: EntitySummary): void }) {
  if (entities.length === 0) return null;
  return (
    <ul class="page-entities" aria-label={t('popupOnThisPage')}>
      {entities.map((entity) => (
        <li key={entity.id} data-entity={entity.id}>
          <button type="button" class="entity" onClick={() => onOpen(entity)}>
            <span class="entity-name">{entity.name}</span> <span class="chip" data-type={entity.type}>{typeLabel(entity.type)}</span>
          </button>
          <button type="button" class="link show" onClick={() => onShow(entity)} aria-label={t('popupShowOnPageOf', entity.name)}>
            {t('popupShowOnPage')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Switch({ id, checked, label, hint, onChange }: { id: string; checked: boolean; label: string; hint?: string; onChange(on: boolean): void }) {
  return (
    <div class="switch">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function PagePanel(props: PagePanelProps) {
  const { page, settings } = props;
  const access = page.access;
  const open = access?.kind === 'open';
  const site = open ? access.site : '';
  return (
    <section class="page" aria-labelledby="popup-page-title">
      <h2 id="popup-page-title">{site ? t('popupThisSite', site) : t('popupThisPage')}</h2>
      {access === undefined || !settings ? (
        <p class="note">{t('popupReading')}</p>
      ) : !open ? (
        <p class="note closed">{t(CLOSED[access.reason])}</p>
      ) : (
        <>
          <Summary page={page} settings={settings} site={site} onReadPage={props.onReadPage} />
          <EntityItems entities={page.entities} onOpen={props.onOpenEntity} onShow={props.onShowOnPage} />
        </>
      )}
      {settings && (
        <div class="switches" role="group" aria-label={t('popupSwitches')}>
          {open && site !== '' && <Switch id="popup-site" checked={siteOn(settings, site)} label={t('popupSiteSwitch', site)} onChange={props.onSite} />}
          <Switch id="popup-all" checked={settings.enabled} label={t('popupAllSwitch')} onChange={props.onAllSites} />
          {open && site !== '' && <Switch id="popup-nomutation" checked={noMutationOn(settings, site)} label={t('popupNoMutationSwitch')} hint={t('popupNoMutationHint')} onChange={props.onNoMutation} />}
        </div>
      )}
      <p class="status" role="status" aria-live="polite">
        {props.status}
      </p>
      <p class="options-link">
        <button type="button" class="link" onClick={props.onOptions}>
          {t('popupOptions')}
        </button>
      </p>
    </section>
  );
}
