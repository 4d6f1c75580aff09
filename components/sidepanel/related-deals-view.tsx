/** The "On this page" view: the deals behind the followed tab, with a text filter. */
import type { JSX } from 'preact';
import type { Evidence } from '../../lib/card/card-model';
import type { PageStatus } from '../../lib/deals/page-status';
import type { PanelDeal } from '../../lib/deals/panel-deal';
import { t } from '../../lib/i18n';
import { DealCard } from './deal-card';
import { EmptyState } from './empty-state';

export interface RelatedDealsViewProps {
  status: PageStatus;
  /** Distinct names marked on the page. */
  names: number;
  /** Every related deal, ranked. */
  total: number;
  /** Those the filter lets through. */
  deals: PanelDeal[];
  pending: boolean;
  error?: string;
  filter: string;
  onFilter: (text: string) => void;
  onReveal: (entity: { id: string; name: string }) => void;
  onOpenSource: (evidence: Evidence) => void;
  onBrowseAll: () => void;
  /** The outcome of the last "show on the page", for the live region. */
  notice: string;
}

export function RelatedDealsView(props: RelatedDealsViewProps): JSX.Element {
  const { status, names, total, deals, pending, error } = props;
  const showList = status === 'ready' && !pending && error === undefined && total > 0;
  return (
    <>
      <h2 class="view-title">{t('sidePanelRelatedTitle')}</h2>
      <p class="summary-line" role="status">
        {status === 'ready' && !pending ? t('sidePanelRelatedSummary', names, total) : ''}
      </p>
      {error !== undefined && <p class="error">{t('sidePanelError', error)}</p>}
      {status !== 'ready' && <EmptyState status={status} onBrowseAll={props.onBrowseAll} />}
      {status === 'ready' && pending && <p class="muted">{t('sidePanelEmptyLoadingTitle')}</p>}
      {status === 'ready' && !pending && error === undefined && total === 0 && <EmptyState status="no-deals" names={names} onBrowseAll={props.onBrowseAll} />}
      {showList && (
        <>
          <div class="field">
            <label for="related-filter">{t('sidePanelFilterLabel')}</label>
            <input id="related-filter" type="search" value={props.filter} onInput={(e) => props.onFilter(e.currentTarget.value)} autocomplete="off" />
          </div>
          {deals.length < total && (
            <p class="muted">
              {t('sidePanelFilteredCount', deals.length, total)}{' '}
              <button type="button" class="link-button" onClick={() => props.onFilter('')}>
                {t('sidePanelClearFilter')}
              </button>
            </p>
          )}
          <ol class="deal-list" aria-label={t('sidePanelRelatedTitle')}>
            {deals.map((deal) => (
              <li key={deal.id}>
                <DealCard deal={deal} headingLevel={3} idPrefix="related" onReveal={props.onReveal} onOpenSource={props.onOpenSource} />
              </li>
            ))}
          </ol>
          <p class="muted">
            <button type="button" class="link-button" onClick={props.onBrowseAll}>
              {t('sidePanelBrowseAll')}
            </button>
          </p>
        </>
      )}
      <p class="notice" role="status" aria-live="polite">
        {props.notice}
      </p>
    </>
  );
}
