/**
 * The toolbar popup: one search box over everything the packs know, and "this page" at a
 * glance. Holds the state (query, active result, the stack of opened views, the page's
 * switches) and sends the messages; search-box, page-panel and the views only render.
 *
 * Keyboard: the search box has focus on opening. ArrowDown/ArrowUp move through the
 * results across groups, Enter opens the active one (the first if none is active),
 * Escape clears the box, and a second Escape closes the popup. In an opened view, Escape
 * (or Back) returns to the results with the query kept.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { uiLocale } from '../../lib/card/locale';
import { t, uiDirection } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/send-message';
import type { EntityType } from '../../lib/pack/types';
import type { SearchHit, SearchResults } from '../../lib/search/search';
import type { SettingsPatch } from '../../lib/settings';
import type { EntitySummary } from '../../lib/store/views';
import { EntityView } from './entity-view';
import { PagePanel } from './page-panel';
import { RecordView } from './record-view';
import { optionId, optionsOf, step, type Option } from './result-nav';
import { SearchBox } from './search-box';
import { siteOrigins } from '../../lib/background/grant-site';
import { allSitesPatch, noMutationPatch, sitePatch } from './site-switches';
import { usePage } from './use-page';
import { useSearch } from './use-search';
import { useSettings } from './use-settings';

type View = { kind: 'entity'; id: string; name: string; type: EntityType } | { kind: 'record'; hit: SearchHit };

export const RESULTS_PER_GROUP = 5;

const ask = (query: string) => sendMessage({ type: 'search', query, limit: RESULTS_PER_GROUP });

function viewOf(hit: SearchHit): View {
  return hit.kind === 'deal' || hit.kind === 'fact' || hit.kind === 'source' ? { kind: 'record', hit } : { kind: 'entity', id: hit.refId, name: hit.title.text, type: hit.kind };
}

export interface PopupAppProps {
  /** The tab to speak about (popup.html?tab=<id>); default the active tab. */
  tabId?: number | undefined;
}

export function PopupApp({ tabId: pinned }: PopupAppProps) {
  const search = useSearch(ask);
  const options = useMemo(() => optionsOf(search.results), [search.results]);
  const flat = useMemo(() => options.flat(), [options]);
  // The active option belongs to the results it was chosen in: new results start with none
  // (derived, not reset in an effect, so an arrow key pressed just after they render counts).
  const [chosen, setChosen] = useState<{ in: SearchResults | null; index: number }>({ in: null, index: -1 });
  const active = chosen.in === search.results ? chosen.index : -1;
  const setActive = (index: number) => setChosen({ in: search.results, index });
  const [views, setViews] = useState<View[]>([]);
  const [settings, setSettings] = useSettings();
  const [status, setStatus] = useState('');
  const page = usePage(pinned);
  const input = useRef<HTMLInputElement>(null);
  const locale = useMemo(uiLocale, []);
  const view = views[views.length - 1];
  const site = page.access?.kind === 'open' && page.access.site !== '' ? page.access.site : undefined;
  const tabId = page.tabId ?? undefined;

  // Before paint, so the active result never shows off-screen for a frame.
  useLayoutEffect(() => {
    const option = active >= 0 ? document.getElementById(optionId(active)) : null;
    // The first result of a group brings its group's title along.
    const first = option?.previousElementSibling?.classList.contains('group-title');
    (first ? option?.parentElement : option)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  // Back at the results: the search box has focus again, as on opening.
  useEffect(() => {
    if (!view) input.current?.focus();
  }, [view]);

  const push = (next: View) => setViews((stack) => [...stack, next]);
  const back = () => setViews((stack) => stack.slice(0, -1));
  const openOption = (option: Option) => push(viewOf(option.hit));
  const openEntity = (entity: EntitySummary) => push({ kind: 'entity', id: entity.id, name: entity.name, type: entity.type });

  const onKey = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(step(active, flat.length, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && flat.length > 0) {
      event.preventDefault();
      const option = flat[active] ?? flat[0];
      if (option) openOption(option);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (search.query !== '') search.setQuery('');
      else window.close();
    }
  };
  const onViewKey = (event: TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && view) {
      event.preventDefault();
      back();
    }
  };

  const save = (patch: SettingsPatch) =>
    void sendMessage({ type: 'updateSettings', patch }).then((reply) => {
      if (reply.ok) setSettings(reply.data);
      setStatus(reply.ok ? t('popupSaved') : t('actionFailed'));
    });

  return (
    <main class="popup" dir={uiDirection()} data-theme={settings?.theme ?? 'auto'} onKeyDown={onViewKey}>
      <h1 class="visually-hidden">{t('extName')}</h1>
      {view?.kind === 'entity' && <EntityView key={`${views.length}:${view.id}`} entityId={view.id} header={view} locale={locale} site={site} tabId={tabId} onBack={back} onOpenEntity={openEntity} />}
      {view?.kind === 'record' && <RecordView key={`${views.length}:${view.hit.refId}`} hit={view.hit} locale={locale} onBack={back} onOpenEntity={openEntity} />}
      <div hidden={view !== undefined}>
        <SearchBox query={search.query} results={search.results} options={options} state={search.state} active={active} inputRef={input} onQuery={search.setQuery} onKey={onKey} onOpen={openOption} onHover={setActive} />
        {search.query.trim() === '' && (
          <PagePanel
            page={page}
            settings={settings}
            status={status}
            onOpenEntity={openEntity}
            onShowOnPage={(entity) => {
              if (tabId === undefined) return;
              void sendMessage({ type: 'focusMarkInTab', tabId, entityId: entity.id }).then((r) => setStatus(r.ok && r.data.found ? t('sidePanelRevealed', entity.name) : t('sidePanelNotFound', entity.name)));
            }}
            onSite={(on) => {
              if (!settings || !site) return;
              if (!on) return save(sitePatch(settings, site, false));
              // Turning a site on also grants Factmark that site for good (where the user
              // limited its site access): the request must run inside this click.
              void browser.permissions.request({ origins: siteOrigins(site) }).then(
                (granted) => (granted ? save(sitePatch(settings, site, true)) : setStatus(t('popupSiteRefused'))),
                () => save(sitePatch(settings, site, true)),
              );
            }}
            onAllSites={(on) => save(allSitesPatch(on))}
            onNoMutation={(on) => settings && site && save(noMutationPatch(settings, site, on))}
            onReadPage={() => {
              if (tabId === undefined) return;
              void sendMessage({ type: 'runOnTab', tabId }).then((r) => {
                setStatus(r.ok ? t('popupReadStarted') : t('actionFailed'));
                page.refresh();
              });
            }}
            onOptions={() => void browser.runtime.openOptionsPage()}
          />
        )}
      </div>
    </main>
  );
}
