/** Holds the "On this page" view's state: the followed tab's deals, the filter, the last notice. */
import type { JSX } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { uiLocale } from '../../lib/card/locale';
import { matchesFilter } from '../../lib/deals/deal-filter';
import { panelDeal } from '../../lib/deals/panel-deal';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { openSource, revealOnPage } from './panel-actions';
import { RelatedDealsView } from './related-deals-view';
import type { Tab } from './use-followed-tab';
import { useTabDeals } from './use-tab-deals';

export interface RelatedDealsProps {
  tab: Tab | null | undefined;
  settings: Settings | undefined;
  onBrowseAll: () => void;
}

export function RelatedDeals({ tab, settings, onBrowseAll }: RelatedDealsProps): JSX.Element {
  const state = useTabDeals(tab, settings);
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState('');
  const locale = uiLocale();
  const { index, ranked, tabId } = state;

  const deals = useMemo(() => {
    if (!index) return [];
    return ranked.filter((r) => matchesFilter(r.deal, { text: filter }, index.entities)).map((r) => panelDeal(r.deal, index, locale, r));
  }, [index, ranked, filter, locale]);

  const onReveal = useCallback(
    (entity: { id: string; name: string }) => {
      if (tabId === undefined) return;
      setNotice('');
      void revealOnPage(tabId, entity.id).then((found) => setNotice(found ? t('sidePanelRevealed', entity.name) : t('sidePanelNotFound', entity.name)));
    },
    [tabId],
  );

  return (
    <RelatedDealsView
      status={state.status}
      names={state.entityIds.length}
      total={ranked.length}
      deals={deals}
      pending={state.pending}
      {...(state.error === undefined ? {} : { error: state.error })}
      filter={filter}
      onFilter={setFilter}
      onReveal={onReveal}
      onOpenSource={(evidence) => void openSource(evidence)}
      onBrowseAll={onBrowseAll}
      notice={notice}
    />
  );
}
