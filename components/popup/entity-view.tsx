/**
 * An entity's card inside the popup: the card's own model (lib/card/card-model.ts) and
 * sections (components/card/card-sections.tsx), under the popup's header with Back, and
 * the card's actions. This is a container: it loads the card and sends the actions'
 * messages; the sections only render.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cardModel, typeLabel, type Evidence, type SourceItem } from '../../lib/card/card-model';
import { copyText } from '../../lib/card/copy-text';
import { t } from '../../lib/i18n';
import { sendMessage, unwrap } from '../../lib/messaging/send-message';
import type { EntityType } from '../../lib/pack/types';
import type { EntityCard, EntitySummary } from '../../lib/store/views';
import { DealsSection, FiguresSection, IdentityProof, RelatedSection, RolesSection, SourcesSection, StatementsSection } from '../card/card-sections';
import { useEntityCard } from '../card/use-entity-card';
import { ViewHeader } from './view-header';

export interface EntityViewProps {
  entityId: string;
  header: { name: string; type: EntityType };
  locale: string;
  /** The page's site, for "Not this one here"; undefined where the popup has no page. */
  site: string | undefined;
  tabId: number | undefined;
  onBack(): void;
  onOpenEntity(entity: EntitySummary): void;
}

const loadCard = (id: string): Promise<EntityCard | null> => sendMessage({ type: 'getEntityCard', id }).then(unwrap);

export function openSourceOf(item: Evidence | SourceItem): void {
  const link = 'quote' in item ? { sourceId: item.sourceId, packId: item.packId, quote: item.quote } : { sourceId: item.id, packId: item.packId };
  void sendMessage({ type: 'openSource', ...link });
}

export function EntityView(props: EntityViewProps) {
  const { state, card } = useEntityCard(loadCard, props.entityId);
  const model = useMemo(() => (card ? cardModel(card, props.locale) : undefined), [card, props.locale]);
  const [status, say] = useState('');
  const [manual, setManual] = useState<string | undefined>(undefined);
  const scratch = useRef<HTMLDivElement>(null);
  useEffect(() => say(''), [props.entityId]);
  const name = model?.name ?? props.header.name;
  const type = model?.type ?? props.header.type;
  const done = (ok: boolean, message: string) => say(ok ? message : t('actionFailed'));

  const copy = (evidence: Evidence) => {
    void copyText(evidence.citation, scratch.current ? { scratch: scratch.current } : {}).then((result) => {
      setManual(result === 'copied' ? undefined : evidence.citation);
      say(result === 'copied' ? t('copied') : t('copyFailed'));
    });
  };
  const handlers = { onOpenEntity: props.onOpenEntity, onOpenSource: openSourceOf, onCopy: copy };
  const tabId = props.tabId;
  const site = props.site;

  return (
    <article class="view" aria-labelledby="popup-view-title" ref={scratch}>
      <ViewHeader title={name} kind={typeLabel(type)} chip={type} identity={model?.identity} onBack={props.onBack} />
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {manual !== undefined && (
        <label class="manual">
          {t('copyManually')}
          <textarea readOnly rows={3} value={manual} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      {state === 'loading' && <p class="note">{t('cardLoading')}</p>}
      {state === 'error' && <p class="note">{t('cardError')}</p>}
      {(state === 'missing' || (state === 'ready' && !model)) && <p class="note">{t('cardMissing', name)}</p>}
      {state === 'ready' && model && (
        <div class="card-body">
          <IdentityProof model={model} {...handlers} />
          <RolesSection model={model} {...handlers} />
          <FiguresSection model={model} {...handlers} />
          <StatementsSection model={model} {...handlers} />
          <DealsSection model={model} {...handlers} />
          <RelatedSection model={model} {...handlers} />
          <SourcesSection model={model} {...handlers} />
          <div class="actions" role="group" aria-label={t('cardActions')}>
            <button type="button" class="action" onClick={() => void sendMessage({ type: 'openSidePanel', ...(tabId === undefined ? {} : { tabId }) }).then((r) => done(r.ok && r.data.opened, t('dealsOpened')))}>
              {t('actionShowDeals')}
            </button>
            <button type="button" class="action" onClick={() => void sendMessage({ type: 'muteEntity', id: model.id }).then((r) => done(r.ok, t('muted', name)))}>
              {t('actionMute')}
            </button>
            {site && (
              <button type="button" class="action" onClick={() => void sendMessage({ type: 'addCorrection', entityId: model.id, site }).then((r) => done(r.ok, t('correctedHere', name)))}>
                {t('actionNotHere')}
              </button>
            )}
          </div>
        </div>
      )}
    </article>
  );
}
