/**
 * The side panel (Chrome's side panel, Firefox's sidebar): two views, the deals behind
 * the followed tab and every deal of the packs. Both stay mounted so each keeps its
 * filter and scroll position when the reader switches.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiDirection } from '../../lib/i18n';
import { AllDeals } from './all-deals-container';
import { RelatedDeals } from './related-deals-container';
import { useFollowedTab, type FollowTarget } from './use-followed-tab';
import { useSettings } from './use-settings';
import { panelId, tabId, ViewTabs } from './view-tabs';

type View = 'related' | 'all';

export function SidePanelApp({ follow }: { follow: FollowTarget }): JSX.Element {
  const [view, setView] = useState<View>('related');
  const tab = useFollowedTab(follow);
  const settings = useSettings();

  useEffect(() => {
    document.documentElement.dir = uiDirection();
    document.title = t('sidePanelTitle');
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = settings?.theme ?? 'auto';
  }, [settings?.theme]);

  // "Browse all deals" moves focus to the tab it opens, once that has rendered, so the
  // reader hears where they are (requestAnimationFrame would wait while the page is hidden).
  const focusTab = useRef(false);
  useEffect(() => {
    if (!focusTab.current) return;
    focusTab.current = false;
    document.getElementById(tabId(view))?.focus();
  }, [view]);
  const showAll = () => {
    focusTab.current = true;
    setView('all');
  };

  return (
    <>
      <header class="panel-header">
        <h1 class="panel-name">{t('extName')}</h1>
        <ViewTabs
          label={t('sidePanelViews')}
          selected={view}
          onSelect={setView}
          tabs={[
            { id: 'related', label: t('sidePanelTabRelated') },
            { id: 'all', label: t('sidePanelTabAll') },
          ]}
        />
      </header>
      <main>
        <section role="tabpanel" id={panelId('related')} aria-labelledby={tabId('related')} hidden={view !== 'related'} tabIndex={0}>
          <RelatedDeals tab={tab} settings={settings} onBrowseAll={showAll} />
        </section>
        <section role="tabpanel" id={panelId('all')} aria-labelledby={tabId('all')} hidden={view !== 'all'} tabIndex={0}>
          <AllDeals active={view === 'all'} />
        </section>
      </main>
    </>
  );
}
