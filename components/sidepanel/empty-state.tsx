/** Why the panel has nothing for this tab, and where to go instead. */
import type { JSX } from 'preact';
import type { PageStatus } from '../../lib/deals/page-status';
import { t, type MessageKey } from '../../lib/i18n';

type EmptyStatus = Exclude<PageStatus, 'ready'> | 'no-deals';

const MESSAGES: Record<EmptyStatus, { title: MessageKey; body: MessageKey }> = {
  'no-tab': { title: 'sidePanelEmptyNoTabTitle', body: 'sidePanelEmptyNoTabBody' },
  loading: { title: 'sidePanelEmptyLoadingTitle', body: 'sidePanelEmptyLoadingBody' },
  unreadable: { title: 'sidePanelEmptyUnreadableTitle', body: 'sidePanelEmptyUnreadableBody' },
  disabled: { title: 'sidePanelEmptyDisabledTitle', body: 'sidePanelEmptyDisabledBody' },
  'site-off': { title: 'sidePanelEmptySiteOffTitle', body: 'sidePanelEmptySiteOffBody' },
  paused: { title: 'sidePanelEmptyPausedTitle', body: 'sidePanelEmptyPausedBody' },
  none: { title: 'sidePanelEmptyNoneTitle', body: 'sidePanelEmptyNoneBody' },
  'no-deals': { title: 'sidePanelEmptyNoDealsTitle', body: 'sidePanelEmptyNoDealsBody' },
};

export interface EmptyStateProps {
  status: EmptyStatus;
  /** For 'no-deals': how many names the page has. */
  names?: number;
  onBrowseAll: () => void;
}

export function EmptyState({ status, names = 0, onBrowseAll }: EmptyStateProps): JSX.Element {
  const { title, body } = MESSAGES[status];
  return (
    <div class="empty" data-status={status}>
      <p class="empty-title">{t(title)}</p>
      <p>{t(body, names)}</p>
      {status !== 'loading' && (
        <button type="button" class="button" onClick={onBrowseAll}>
          {t('sidePanelBrowseAll')}
        </button>
      )}
    </div>
  );
}
